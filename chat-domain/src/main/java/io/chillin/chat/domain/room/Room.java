package io.chillin.chat.domain.room;

import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat room. {@code passwordHash} is the encoded hash of a private room's password, or null for a
 * public room; it never leaves the server. {@code quickJoin} says that a join of a name nobody had taken made
 * the room (not a deliberate creation): such a room may expire while it is public, empty and has no history.
 */
public record Room(RoomName name, RoomDescription description, Username creator, String passwordHash, Instant createdAt,
                   boolean quickJoin) {

    /** A room created deliberately (REST, CLI, import). */
    public Room(RoomName name, RoomDescription description, Username creator, String passwordHash, Instant createdAt) {
        this(name, description, creator, passwordHash, createdAt, false);
    }

    /** The public room a join of an unknown name makes, with no description. */
    public static Room quickJoined(RoomName name, Username creator, Instant createdAt) {
        return new Room(name, RoomDescription.NONE, creator, null, createdAt, true);
    }

    public Room {
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(creator);
        // times are kept to the millisecond, as the stores keep them, so a fresh value equals a stored one
        createdAt = Objects.requireNonNull(createdAt).truncatedTo(ChronoUnit.MILLIS);
    }

    public boolean isPrivate() {
        return passwordHash != null;
    }

    public Optional<String> password() {
        return Optional.ofNullable(passwordHash);
    }

    public Room withPasswordHash(String newHash) {
        return new Room(name, description, creator, newHash, createdAt, quickJoin);
    }
}
