package io.chillin.chat.cli.admin;

import io.chillin.chat.domain.user.User;
import java.time.Instant;

/** A user as the admin sees it: never the hash, only its {@linkplain PasswordKind kind}; and whether it is an admin. */
public record UserRow(String username, String email, Instant createdAt, String passwordKind, boolean admin) {

    public static UserRow of(User user, boolean admin) {
        return new UserRow(user.username().value(), user.email(), user.createdAt(), PasswordKind.of(user.passwordHash()),
                admin);
    }
}
