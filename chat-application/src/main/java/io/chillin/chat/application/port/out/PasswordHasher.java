package io.chillin.chat.application.port.out;

/**
 * One-way password hashing, self-describing encoded hashes. Hashing costs memory and time on purpose, so
 * {@link #hash} and {@link #verify} may refuse with {@link io.chillin.chat.domain.ChatException.RateLimited} when too
 * many run at once.
 */
public interface PasswordHasher {

    /** A fresh salted hash of the password, in this hasher's current format. */
    String hash(String password);

    /** Whether the password matches the encoded hash (a current or an accepted legacy format); false for garbage. */
    boolean verify(String password, String encodedHash);

    /** Whether the hash is in a weaker or older format and should be replaced after the next successful check. */
    boolean needsRehash(String encodedHash);
}
