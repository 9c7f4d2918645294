package io.chillin.chat.application.port.in;

/** What a joining connection learns first: the room, the history it asked for, and who is there. */
public record JoinResult(RoomView room, HistoryPage history, ServerEvent.RoomMembers members) {
}
