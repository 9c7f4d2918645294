package io.chillin.chat.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.contract.FastTestHasher;
import io.chillin.chat.application.contract.MutableClock;
import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.application.service.ChatScenario.RecordingSink;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two instances quick-join a new name at once: the one whose room cache has not heard of the other's room yet finds
 * it by its skeleton, and must join it rather than call it a look-alike of itself.
 */
class QuickJoinRaceTest {

    @Test
    void a_room_created_meanwhile_elsewhere_under_the_same_name_is_joined_not_refused() {
        MutableClock clock = MutableClock.atEpochDay();
        ChatPorts memory = ChatPorts.inMemory(new FastTestHasher(), ChatSettings.DEFAULT, clock);
        RoomName name = RoomName.of("Race Room");
        memory.rooms().create(Room.quickJoined(name, Username.of("elsewhere"), clock.instant()));
        ChatCore core = ChatCore.create(memory.withStores(memory.users(), new StaleCache(memory.rooms()),
                memory.messages()), ChatSettings.DEFAULT, clock);

        Connection connection = Connection.open(null, new RecordingSink());
        var joined = core.joinRoom().join(connection, new JoinRoomCommand("race room", "racer", null, null));

        assertThat(joined.room().name()).isEqualTo(name);
        assertThat(joined.room().creator()).isEqualTo(Username.of("elsewhere"));
    }

    /** A room cache that has not heard of the rooms the store holds; everything else goes to the store. */
    private record StaleCache(RoomStore store) implements RoomStore {
        @Override
        public void create(Room room) {
            store.create(room);
        }

        @Override
        public Optional<Room> find(RoomName name) {
            return Optional.empty();
        }

        @Override
        public Optional<Room> findLookAlike(RoomName name) {
            return store.findLookAlike(name);
        }

        @Override
        public List<Room> page(String afterKey, int limit) {
            return store.page(afterKey, limit);
        }

        @Override
        public List<Room> disposable(String afterKey, int limit) {
            return store.disposable(afterKey, limit);
        }

        @Override
        public boolean deleteIfDisposable(RoomName name) {
            return store.deleteIfDisposable(name);
        }

        @Override
        public void delete(RoomName name) {
            store.delete(name);
        }

        @Override
        public void updatePasswordHash(RoomName name, String passwordHash) {
            store.updatePasswordHash(name, passwordHash);
        }
    }
}
