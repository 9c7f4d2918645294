package io.chillin.chat.application.port.in;

import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.domain.user.Identity;
import java.util.Objects;

/**
 * A token checked before its connection opens (a WebSocket upgrade): the session it names, and where the
 * core's reading of revocations stood when it was checked. Hand it to {@link OpenConnectionUseCase#open}
 * unchanged.
 */
public record Admission(Session session, long revocationsRead) {

    public Admission {
        Objects.requireNonNull(session);
    }

    public Identity identity() {
        return session.identity();
    }
}
