package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.user.Username;
import java.time.Instant;

/** A user as others may see it: never a password or hash. {@code createdAt} is null for guests. */
public record UserView(Username username, boolean guest, Instant createdAt) {
}
