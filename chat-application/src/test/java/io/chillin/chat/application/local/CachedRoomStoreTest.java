package io.chillin.chat.application.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.contract.RoomStoreContract;
import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The announced cache passes the room store contract, and two instances sharing a store and a bus never see stale rooms. */
class CachedRoomStoreTest extends RoomStoreContract {

    @Override
    protected Stores newStores() {
        LocalRoomBus bus = new LocalRoomBus();
        LocalRoomStore shared = new LocalRoomStore();
        return new Stores(new AnnouncedRoomStore(new CachedRoomStore(shared, bus), bus), new LocalMessageStore(shared));
    }

    private static Room room(RoomName name, String hash) {
        return new Room(name, RoomDescription.NONE, TestNames.user(), hash, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void a_change_through_one_instance_is_seen_at_once_by_another() {
        LocalRoomStore shared = new LocalRoomStore();
        LocalRoomBus bus = new LocalRoomBus();
        RoomStore here = new AnnouncedRoomStore(new CachedRoomStore(shared, bus), bus);
        RoomStore there = new AnnouncedRoomStore(new CachedRoomStore(shared, bus), bus);
        RoomName name = TestNames.room();
        assertThat(there.page("", 10)).as("cached empty").isEmpty();

        here.create(room(name, null));
        assertThat(there.find(name)).isPresent();
        assertThat(there.page("", 10)).extracting(Room::name).contains(name);

        here.updatePasswordHash(name, "hash");
        assertThat(there.find(name).orElseThrow().passwordHash()).isEqualTo("hash");
        assertThat(there.page("", 10)).extracting(Room::passwordHash).containsExactly("hash");

        here.delete(name);
        assertThat(there.find(name)).isEmpty();
        assertThat(there.page("", 10)).extracting(Room::name).doesNotContain(name);

        RoomName quick = TestNames.room();
        here.create(Room.quickJoined(quick, TestNames.user(), Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(there.find(quick)).isPresent();
        assertThat(there.page("", 10)).extracting(Room::name).contains(quick);
        assertThat(here.deleteIfDisposable(quick)).isTrue();
        assertThat(there.find(quick)).isEmpty();
        assertThat(there.page("", 10)).isEmpty();
    }

    @Test
    void a_hint_that_the_bus_lost_events_drops_everything_cached() {
        LocalRoomStore shared = new LocalRoomStore();
        CachedRoomStore cache = new CachedRoomStore(shared, new LocalRoomBus());
        RoomName name = TestNames.room();
        cache.create(room(name, null));
        assertThat(cache.find(name)).isPresent();

        shared.updatePasswordHash(name, "changed behind the cache's back");
        cache.onPossibleLoss();

        assertThat(cache.find(name).orElseThrow().passwordHash()).isEqualTo("changed behind the cache's back");
    }
}
