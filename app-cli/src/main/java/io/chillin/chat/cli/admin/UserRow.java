package io.chillin.chat.cli.admin;

import io.chillin.chat.adapter.crypto.Argon2PasswordHasher;
import io.chillin.chat.domain.user.User;
import java.time.Instant;

/**
 * A user as the admin sees it: never the hash, only its kind ({@code argon2id}, or {@code legacy-sha256} for an
 * imported hash that the user's next login replaces).
 */
public record UserRow(String username, String email, Instant createdAt, String passwordKind) {

    public static UserRow of(User user) {
        return new UserRow(user.username().value(), user.email(), user.createdAt(), kindOf(user.passwordHash()));
    }

    static String kindOf(String hash) {
        if (hash.startsWith(Argon2PasswordHasher.LEGACY_PREFIX)) {
            return "legacy-sha256";
        }
        if (hash.startsWith("$argon2id$")) {
            return "argon2id";
        }
        return "other";
    }
}
