package io.chillin.chat.application.service;

import io.chillin.chat.application.port.out.PasswordHasher;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.Room;

/**
 * The policy for entering a private room: everybody gives the password, its creator too (a name
 * alone proves nothing: a guest's name can later be registered by somebody else). Wrong passwords are
 * throttled; REST checks and WebSocket joins share one gate, so their guesses count together.
 */
public final class RoomGate {

    private final RoomStore rooms;
    private final PasswordHasher hasher;
    private final GuessThrottle guesses;

    public RoomGate(RoomStore rooms, PasswordHasher hasher, GuessThrottle guesses) {
        this.rooms = rooms;
        this.hasher = hasher;
        this.guesses = guesses;
    }

    /**
     * @throws ChatException.Forbidden for a missing or wrong password
     * @throws ChatException.RateLimited when this room, or this room from this address, had too many wrong ones
     */
    void admit(Room room, String password, String clientAddress) {
        if (!room.isPrivate()) {
            return;
        }
        if (password == null || password.isEmpty()) {
            throw new ChatException.Forbidden("room '" + room.name() + "' is private: a password is required");
        }
        try (GuessThrottle.Guess guess = guesses.guess(room.name().key(), clientAddress)) {
            if (!hasher.verify(password, room.passwordHash())) {
                guess.wrong();
                throw new ChatException.Forbidden("wrong password for room '" + room.name() + "'");
            }
        }
        if (hasher.needsRehash(room.passwordHash())) {
            try {
                rooms.updatePasswordHash(room.name(), hasher.hash(password));
            } catch (ChatException.RateLimited busy) {
                // The hasher is busy: the password was right, the upgrade waits for the next successful join.
            }
        }
    }
}
