package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.user.Identity;
import java.time.Instant;
import java.util.Objects;

/**
 * A token checked before its connection opens (a WebSocket upgrade): the session it names, and where the
 * core's reading of revocations stood when it was checked. Hand it to {@link OpenConnectionUseCase#open}
 * unchanged.
 */
public record Admission(Identity identity, String tokenHash, Instant expiresAt, long revocationsRead) {

    public Admission {
        Objects.requireNonNull(identity);
        Objects.requireNonNull(tokenHash);
        Objects.requireNonNull(expiresAt);
    }
}
