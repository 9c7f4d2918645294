package io.chillin.chat.domain.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A registered account. {@code passwordHash} is an encoded hash (never a password) and never
 * leaves the server; {@code email} is empty when none was given.
 */
public record User(Username username, String passwordHash, String email, Instant createdAt) {

    public User {
        Objects.requireNonNull(username);
        Objects.requireNonNull(passwordHash);
        Objects.requireNonNull(email);
        // times are kept to the millisecond, as the stores keep them, so a fresh value equals a stored one
        createdAt = Objects.requireNonNull(createdAt).truncatedTo(ChronoUnit.MILLIS);
    }

    public User withPasswordHash(String newHash) {
        return new User(username, newHash, email, createdAt);
    }
}
