package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RoomStore} must do. */
public abstract class RoomStoreContract {

    protected abstract RoomStore newStore();

    private RoomStore store;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void setUpStore() {
        store = newStore();
    }

    private Room room(RoomName name, String hash) {
        return new Room(name, RoomDescription.of("about 😀"), TestNames.user(), hash, now);
    }

    @Test
    void created_room_is_found_ignoring_case_with_every_field() {
        RoomName name = TestNames.room();
        Room room = room(name, "hash");
        store.create(room);
        assertThat(store.find(RoomName.of(name.value().toUpperCase(Locale.ROOT)))).contains(room);
    }

    @Test
    void public_room_has_no_password_hash() {
        RoomName name = TestNames.room();
        store.create(room(name, null));
        assertThat(store.find(name).orElseThrow().isPrivate()).isFalse();
    }

    @Test
    void a_name_differing_only_in_case_is_a_conflict() {
        RoomName name = TestNames.room();
        store.create(room(name, null));
        assertThatThrownBy(() -> store.create(room(RoomName.of(name.value().toUpperCase(Locale.ROOT)), null)))
                .isInstanceOf(ChatException.Conflict.class);
    }

    @Test
    void list_is_in_creation_order() {
        RoomName first = TestNames.room();
        RoomName second = TestNames.room();
        store.create(room(first, null));
        store.create(new Room(second, RoomDescription.NONE, TestNames.user(), null, now.plusSeconds(1)));
        var names = store.list().stream().map(Room::name).toList();
        assertThat(names).containsSubsequence(first, second);
    }

    @Test
    void password_hash_can_be_set_and_cleared() {
        RoomName name = TestNames.room();
        store.create(room(name, null));
        store.updatePasswordHash(name, "secret-hash");
        assertThat(store.find(name).orElseThrow().passwordHash()).isEqualTo("secret-hash");
        store.updatePasswordHash(name, null);
        assertThat(store.find(name).orElseThrow().isPrivate()).isFalse();
    }

    @Test
    void deleted_room_is_gone_and_unlisted() {
        RoomName name = TestNames.room();
        store.create(room(name, null));
        store.delete(name);
        assertThat(store.find(name)).isEmpty();
        assertThat(store.list()).extracting(Room::name).doesNotContain(name);
        assertThatThrownBy(() -> store.delete(name)).isInstanceOf(ChatException.NotFound.class);
    }

    @Test
    void updating_an_unknown_room_is_not_found() {
        assertThatThrownBy(() -> store.updatePasswordHash(TestNames.room(), "x"))
                .isInstanceOf(ChatException.NotFound.class);
    }
}
