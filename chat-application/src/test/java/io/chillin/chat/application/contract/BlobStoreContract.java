package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void every_character_of_the_key_alphabet_is_accepted() {
        String key = "media/" + TestNames.unique("Az09") + "/a-b_c.d.svg";
        store.put(key, new byte[] {7}, "image/svg+xml");
        assertThat(store.get(key).orElseThrow().content()).containsExactly(7);
    }

    /** The same refusals everywhere, so a key that would fail on disk or on S3 also fails against the in-memory store. */
    @Test
    void keys_outside_the_key_alphabet_are_refused_by_every_operation() {
        String[] refused = {"avatars/\u00e9fo7xm4.svg", "avatars/\u00c9fo.svg", "avatars/\u0444\u043e\u043e.svg",
                "avatars/\ud83d\ude00.svg", "avatars/%c3%a9.svg", "../etc/passwd", "/abs", "a/../../b", "a//b", "a/",
                ".hidden", "a/.b", "", "a\u0000b", "a b", "a\\b", "a:b", "x".repeat(513)};
        for (String key : refused) {
            assertThatThrownBy(() -> store.put(key, new byte[] {1}, "x/y")).as("put %s", key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.get(key)).as("get %s", key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.delete(key)).as("delete %s", key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.put(null, new byte[] {1}, "x/y")).isInstanceOf(IllegalArgumentException.class);
    }
}
