package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import java.util.List;
import java.util.Optional;

/**
 * Rooms, unique by name ignoring case and among look-alikes: no two rooms share a {@link RoomName#skeleton() skeleton},
 * except names stored before that rule, which keep theirs. Listings go a page at a time in the order of the names' keys
 * ({@link RoomName#key()}) as the store compares them, so that a page starts after the last key of the one
 * before, whatever was created or deleted in between. A room is <em>disposable</em> while a quick-join made it
 * ({@link Room#quickJoin()}), it is public and no message of it is stored: deleting it loses nothing but the name.
 */
public interface RoomStore {

    /**
     * Stores a new room.
     *
     * @throws ChatException.Conflict naming the holder when the name (ignoring case) or a look-alike is taken
     */
    void create(Room room);

    /** The room with this name, ignoring case. */
    Optional<Room> find(RoomName name);

    /** The room this name could pass for: the one of its key, else the one of its skeleton. */
    Optional<Room> findLookAlike(RoomName name);

    /** Up to {@code limit} rooms whose keys come after {@code afterKey} ("" for the first page), in key order. */
    List<Room> page(String afterKey, int limit);

    /** Up to {@code limit} disposable rooms whose keys come after {@code afterKey} ("" for the first), in key order. */
    List<Room> disposable(String afterKey, int limit);

    /**
     * Deletes the room if it is disposable, checked and deleted in one step: a message stored meanwhile keeps it.
     * Several callers may race; one of them deletes it. Says whether this call deleted it.
     */
    boolean deleteIfDisposable(RoomName name);

    /** Removes a room and its whole history. @throws ChatException.NotFound for an unknown room */
    void delete(RoomName name);

    /** Replaces the password hash (null makes the room public). @throws ChatException.NotFound for an unknown room */
    void updatePasswordHash(RoomName name, String passwordHash);
}
