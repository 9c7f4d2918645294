package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.user.Identity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A logged-in session, known by the hash of its token (the token itself is never stored). {@code createdAt}
 * is when the token was made (a guest's creation time), kept to the millisecond like every stored instant.
 */
public record Session(String tokenHash, Identity identity, Instant createdAt, Instant expiresAt) {

    public Session {
        Objects.requireNonNull(tokenHash);
        Objects.requireNonNull(identity);
        createdAt = Objects.requireNonNull(createdAt).truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(expiresAt);
    }

    /** The same session with another expiry. */
    public Session expiringAt(Instant newExpiry) {
        return new Session(tokenHash, identity, createdAt, newExpiry);
    }
}
