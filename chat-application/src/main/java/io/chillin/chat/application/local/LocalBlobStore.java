package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.BlobStore;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Blobs in memory: for embedding and tests. Refuses the keys every other store refuses ({@link BlobStore#checkKey}). */
public final class LocalBlobStore implements BlobStore {

    private final ConcurrentHashMap<String, Blob> blobs = new ConcurrentHashMap<>();

    @Override
    public void put(String key, byte[] content, String contentType) {
        blobs.put(BlobStore.checkKey(key), new Blob(content.clone(), contentType));
    }

    @Override
    public Optional<Blob> get(String key) {
        return Optional.ofNullable(blobs.get(BlobStore.checkKey(key))).map(b -> new Blob(b.content().clone(), b.contentType()));
    }

    @Override
    public void delete(String key) {
        blobs.remove(BlobStore.checkKey(key));
    }
}
