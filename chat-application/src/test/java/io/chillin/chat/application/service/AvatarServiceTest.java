package io.chillin.chat.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.local.LocalBlobStore;
import io.chillin.chat.application.port.in.Avatar;
import io.chillin.chat.application.port.out.BlobStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.Username;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Avatars are made once at registration and served from the blob store, with generation as the fallback. */
class AvatarServiceTest {

    @Test
    void registration_stores_the_users_avatar_in_the_blob_store() {
        ChatScenario chat = ChatScenario.start();
        chat.register("Zoe_Q");
        Optional<BlobStore.Blob> stored = chat.ports.blobs().get("avatars/zoe_q.svg");
        assertThat(stored).isPresent();
        assertThat(stored.get().contentType()).isEqualTo("image/svg+xml");
        assertThat(new String(stored.get().content(), StandardCharsets.UTF_8)).contains(">ZQ<");
    }

    @Test
    void the_stored_avatar_is_what_is_served() {
        LocalBlobStore blobs = new LocalBlobStore();
        blobs.put("avatars/ann.svg", new byte[] {1, 2, 3}, "image/png");
        Avatar avatar = new AvatarService(blobs).avatar("ANN");
        assertThat(avatar.content()).containsExactly(1, 2, 3);
        assertThat(avatar.contentType()).isEqualTo("image/png");
    }

    @Test
    void guests_and_a_blob_store_that_is_down_still_get_a_generated_avatar() {
        Avatar guest = new AvatarService(new LocalBlobStore()).avatar("guest_x");
        assertThat(new String(guest.content(), StandardCharsets.UTF_8)).startsWith("<svg").contains(">GX<");

        BlobStore down = new BlobStore() {
            @Override
            public void put(String key, byte[] content, String contentType) {
                throw new ChatException.Unavailable("down");
            }

            @Override
            public Optional<Blob> get(String key) {
                throw new ChatException.Unavailable("down");
            }

            @Override
            public void delete(String key) {
                throw new ChatException.Unavailable("down");
            }
        };
        AvatarService service = new AvatarService(down);
        service.storeFor(Username.of("someone"));
        assertThat(service.avatar("someone").contentType()).isEqualTo("image/svg+xml");
    }
}
