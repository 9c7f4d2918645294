package io.chillin.chat.application.port.in;

/**
 * Lists the rooms a page at a time, in the order of their names' keys, each with its live member count. A room
 * created or deleted between two pages does not make the next one skip or repeat any other room.
 *
 * @throws io.chillin.chat.domain.ChatException.Invalid for a limit out of range ({@code limit}) or a cursor this
 *         server did not give ({@code cursor})
 */
public interface ListRoomsUseCase {
    RoomListPage listRooms(RoomListQuery query);
}
