package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import java.util.List;
import java.util.Optional;

/** Rooms, unique by name ignoring case. */
public interface RoomStore {

    /** Stores a new room. @throws ChatException.Conflict when the name (ignoring case) is taken */
    void create(Room room);

    /** The room with this name, ignoring case. */
    Optional<Room> find(RoomName name);

    /** Every room, oldest first. */
    List<Room> list();

    /** Removes a room and its whole history. @throws ChatException.NotFound for an unknown room */
    void delete(RoomName name);

    /** Replaces the password hash (null makes the room public). @throws ChatException.NotFound for an unknown room */
    void updatePasswordHash(RoomName name, String passwordHash);
}
