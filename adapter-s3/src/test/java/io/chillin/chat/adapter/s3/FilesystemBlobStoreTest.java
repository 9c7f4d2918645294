package io.chillin.chat.adapter.s3;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.contract.BlobStoreContract;
import io.chillin.chat.application.port.out.BlobStore;
import io.chillin.chat.domain.ChatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on the filesystem, plus the key rule that keeps blobs inside their folder. */
class FilesystemBlobStoreTest extends BlobStoreContract {

    @TempDir
    static Path root;

    @Override
    protected BlobStore newStore() {
        return new FilesystemBlobStore(root);
    }

    @Test
    void keys_that_could_leave_the_folder_are_refused() {
        BlobStore store = newStore();
        for (String hostile : new String[] {"../etc/passwd", "/abs", "a/../../b", "a//b", "", "a\u0000b", "a b"}) {
            assertThatThrownBy(() -> store.put(hostile, new byte[] {1}, "x/y")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void what_callers_hear_of_a_folder_that_cannot_be_written_is_fixed_text_naming_no_path() throws IOException {
        Path notAFolder = Files.writeString(root.resolve("not-a-folder-" + System.nanoTime()), "x");
        BlobStore store = new FilesystemBlobStore(notAFolder);
        String unavailable = "the blob store is unavailable: try again shortly";

        assertThatThrownBy(() -> store.put("a/b", new byte[] {1}, "x/y"))
                .isInstanceOf(ChatException.Unavailable.class).hasMessage(unavailable);
        assertThatThrownBy(() -> store.delete("a/b"))
                .isInstanceOf(ChatException.Unavailable.class).hasMessage(unavailable);
    }
}
