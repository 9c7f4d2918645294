package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.user.Identity;
import java.time.Instant;
import java.util.Objects;

/** A logged-in session, known by the hash of its token (the token itself is never stored). */
public record Session(String tokenHash, Identity identity, Instant expiresAt) {

    public Session {
        Objects.requireNonNull(tokenHash);
        Objects.requireNonNull(identity);
        Objects.requireNonNull(expiresAt);
    }
}
