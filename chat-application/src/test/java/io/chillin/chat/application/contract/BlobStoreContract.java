package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.out.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BlobStore} must do. */
public abstract class BlobStoreContract {

    protected abstract BlobStore newStore();

    private BlobStore store;

    @BeforeEach
    void setUpStore() {
        store = newStore();
    }

    private static String key() {
        return "avatars/" + TestNames.unique("k") + ".svg";
    }

    @Test
    void a_stored_object_comes_back_with_its_bytes_and_media_type() {
        String key = key();
        byte[] svg = "<svg>😀</svg>".getBytes(StandardCharsets.UTF_8);
        store.put(key, svg, "image/svg+xml");
        BlobStore.Blob blob = store.get(key).orElseThrow();
        assertThat(blob.content()).isEqualTo(svg);
        assertThat(blob.contentType()).isEqualTo("image/svg+xml");
    }

    @Test
    void binary_content_round_trips_exactly() {
        String key = "media/" + TestNames.unique("b") + ".bin";
        byte[] bytes = new byte[256 * 1024];
        new Random(42).nextBytes(bytes);
        store.put(key, bytes, "application/octet-stream");
        assertThat(store.get(key).orElseThrow().content()).isEqualTo(bytes);
    }

    @Test
    void put_replaces_an_existing_object() {
        String key = key();
        store.put(key, new byte[] {1}, "image/png");
        store.put(key, new byte[] {2, 3}, "image/webp");
        BlobStore.Blob blob = store.get(key).orElseThrow();
        assertThat(blob.content()).containsExactly(2, 3);
        assertThat(blob.contentType()).isEqualTo("image/webp");
    }

    @Test
    void a_missing_object_is_empty() {
        assertThat(store.get(key())).isEmpty();
    }

    @Test
    void delete_removes_and_is_quiet_for_missing_objects() {
        String key = key();
        store.put(key, new byte[] {1}, "image/png");
        store.delete(key);
        assertThat(store.get(key)).isEmpty();
        store.delete(key);
    }
}
