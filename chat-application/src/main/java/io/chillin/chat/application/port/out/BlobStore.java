package io.chillin.chat.application.port.out;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binary objects (avatars, media) by key. Keys are paths of ASCII letters, digits, '-', '_', '.' and '/'
 * ({@link #checkKey}): whoever makes a key from user input (a name in any script) encodes it into these first.
 */
public interface BlobStore {

    /**
     * Stores or replaces the object. @throws IllegalArgumentException for a key outside {@link #checkKey}'s rule
     * @throws io.chillin.chat.domain.ChatException.Unavailable when the store does not answer
     */
    void put(String key, byte[] content, String contentType);

    /** The object, when there is one. @throws IllegalArgumentException for a key outside {@link #checkKey}'s rule */
    Optional<Blob> get(String key);

    /** Removes the object; nothing happens when there is none. @throws IllegalArgumentException for a bad key */
    void delete(String key);

    /**
     * The one key rule of every implementation, so a key that a folder or an S3 server would refuse fails the same
     * way in memory: segments of ASCII letters, digits, '.', '_' and '-' joined by '/', none empty, none starting
     * with '.', no "..", at most 512 characters. Returns the key. @throws IllegalArgumentException for any other
     */
    static String checkKey(String key) {
        if (key == null || key.length() > 512 || !KeyRule.SAFE.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("not a safe blob key: " + key);
        }
        return key;
    }

    /** An object's bytes and media type. */
    record Blob(byte[] content, String contentType) {
    }

    /** The compiled rule of {@link #checkKey}, in a holder because an interface's own fields would be public. */
    final class KeyRule {
        private static final Pattern SAFE =
                Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

        private KeyRule() {
        }
    }
}
