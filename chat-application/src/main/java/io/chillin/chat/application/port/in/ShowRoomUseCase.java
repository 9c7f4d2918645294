package io.chillin.chat.application.port.in;

/**
 * One room as the room list shows it, with its live member count: what a room-list watcher fetches when told that
 * this room changed.
 *
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad room name ({@code name})
 * @throws io.chillin.chat.domain.ChatException.NotFound for an unknown room
 */
public interface ShowRoomUseCase {
    RoomView showRoom(String name);
}
