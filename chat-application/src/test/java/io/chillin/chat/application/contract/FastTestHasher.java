package io.chillin.chat.application.contract;

import io.chillin.chat.application.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A salted SHA-256 hasher for tests only: fast where Argon2id would slow every test down. */
public final class FastTestHasher implements PasswordHasher {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public String hash(String password) {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return "test$" + saltHex + "$" + digest(saltHex + password);
    }

    @Override
    public boolean verify(String password, String encodedHash) {
        String[] parts = encodedHash.split("\\$");
        return parts.length == 3 && parts[0].equals("test")
                && MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.UTF_8),
                digest(parts[1] + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean needsRehash(String encodedHash) {
        return false;
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
