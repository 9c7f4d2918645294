package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.Objects;

/** A user as others may see it: never a password or hash. A guest's {@code createdAt} is when its token was made. */
public record UserView(Username username, boolean guest, Instant createdAt) {

    public UserView {
        Objects.requireNonNull(username);
        Objects.requireNonNull(createdAt);
    }
}
