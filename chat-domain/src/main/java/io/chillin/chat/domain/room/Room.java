package io.chillin.chat.domain.room;

import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat room. {@code passwordHash} is the encoded hash of a private room's password, or null for a
 * public room; it never leaves the server.
 */
public record Room(RoomName name, RoomDescription description, Username creator, String passwordHash, Instant createdAt) {

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
        return new Room(name, description, creator, newHash, createdAt);
    }
}
