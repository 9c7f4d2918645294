package io.chillin.chat.application.port.in;

/**
 * Starts or stops pushing room-list changes to a connection: member counts of every room
 * ({@link ServerEvent.RoomActivity}) and rooms created, changed or deleted ({@link ServerEvent.RoomListChanged}),
 * on every instance of a cluster. A closed connection stops by itself.
 */
public interface WatchRoomsUseCase {
    void watchRooms(Connection connection, boolean watch);
}
