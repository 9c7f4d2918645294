package io.chillin.chat.cli.admin;

import io.chillin.chat.adapter.crypto.Argon2PasswordHasher;

/**
 * What the admin is told of a stored password hash instead of the hash: {@code argon2id}; or, for an imported one
 * that the next successful login or join replaces, {@code argon2id-sha256} (strengthened at import) or
 * {@code legacy-sha256} (imported before imports strengthened it).
 */
final class PasswordKind {

    private PasswordKind() {
    }

    static String of(String hash) {
        if (hash.startsWith(Argon2PasswordHasher.LEGACY_PREFIX)) {
            return "legacy-sha256";
        }
        if (hash.startsWith(Argon2PasswordHasher.STRENGTHENED_PREFIX)) {
            return "argon2id-sha256";
        }
        if (hash.startsWith("$argon2id$")) {
            return "argon2id";
        }
        return "other";
    }
}
