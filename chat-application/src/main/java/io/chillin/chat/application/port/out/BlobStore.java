package io.chillin.chat.application.port.out;

import java.util.Optional;

/** Binary objects (avatars, media) by key. Keys are paths of letters, digits, '-', '_', '.' and '/'. */
public interface BlobStore {

    /** Stores or replaces the object. @throws io.chillin.chat.domain.ChatException.Unavailable when the store does not answer */
    void put(String key, byte[] content, String contentType);

    /** The object, when there is one. */
    Optional<Blob> get(String key);

    /** Removes the object; nothing happens when there is none. */
    void delete(String key);

    /** An object's bytes and media type. */
    record Blob(byte[] content, String contentType) {
    }
}
