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

    @Test
    void a_user_whose_name_is_in_another_script_gets_a_stored_avatar_that_is_served() {
        ChatScenario chat = ChatScenario.start();
        chat.register("\u00e9fo7xm4");

        Optional<BlobStore.Blob> stored = chat.ports.blobs().get(AvatarService.key(Username.of("\u00c9FO7XM4")));
        assertThat(stored).isPresent();
        assertThat(new String(stored.get().content(), StandardCharsets.UTF_8)).contains(">\u00c9f<");
        Avatar served = chat.core.avatar().avatar("\u00e9fo7xm4");
        assertThat(served.content()).isEqualTo(stored.get().content());
        assertThat(served.contentType()).isEqualTo("image/svg+xml");
    }

    @Test
    void avatar_keys_are_the_same_for_one_user_in_any_case_and_differ_between_users() {
        assertThat(AvatarService.key(Username.of("Zoe_Q"))).as("ASCII names keep the keys they always had")
                .isEqualTo("avatars/zoe_q.svg");
        assertThat(AvatarService.key(Username.of("\u00c9fo7xm4"))).isEqualTo(AvatarService.key(Username.of("\u00e9FO7xm4")));
        String[] names = {"\u00e9fo7xm4", "efo7xm4", "c3a9fo7xm4", "u-c3a9fo7xm4", "\u00e8fo7xm4", "\u0444\u043e\u043e",
                "\u5f20\u4f1f\u4f1f", "\u00e9\u00e9\u00e9", "\u00e9_\u00e9", "\u00e9-\u00e9"};
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String name : names) {
            String key = AvatarService.key(Username.of(name));
            assertThat(key).as(name).matches("avatars/[a-z0-9_-][a-z0-9._-]*\\.svg").doesNotContain("..");
            keys.add(key);
        }
        assertThat(keys).hasSameSizeAs(names);
    }
}
