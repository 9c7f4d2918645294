package io.chillin.chat.cli.legacy;

import io.chillin.chat.adapter.crypto.Argon2PasswordHasher;
import java.util.Optional;
import java.util.regex.Pattern;

/** The old app's password hashes (hex SHA-256, unsalted), kept as such and marked legacy until the next login or join. */
final class LegacyHashes {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private LegacyHashes() {
    }

    static Optional<String> stored(String legacy) {
        if (legacy == null || !HEX_SHA256.matcher(legacy.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(Argon2PasswordHasher.legacyHash(legacy.strip()));
    }
}
