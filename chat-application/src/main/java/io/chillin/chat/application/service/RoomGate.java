package io.chillin.chat.application.service;

import io.chillin.chat.application.port.out.PasswordHasher;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.Room;

/**
 * The policy for entering a private room: everybody gives the password, its creator too (a name
 * alone proves nothing: a guest's name can later be registered by somebody else).
 */
final class RoomGate {

    private final RoomStore rooms;
    private final PasswordHasher hasher;

    RoomGate(RoomStore rooms, PasswordHasher hasher) {
        this.rooms = rooms;
        this.hasher = hasher;
    }

    void admit(Room room, String password) {
        if (!room.isPrivate()) {
            return;
        }
        if (password == null || password.isEmpty()) {
            throw new ChatException.Forbidden("room '" + room.name() + "' is private: a password is required");
        }
        if (!hasher.verify(password, room.passwordHash())) {
            throw new ChatException.Forbidden("wrong password for room '" + room.name() + "'");
        }
        if (hasher.needsRehash(room.passwordHash())) {
            rooms.updatePasswordHash(room.name(), hasher.hash(password));
        }
    }
}
