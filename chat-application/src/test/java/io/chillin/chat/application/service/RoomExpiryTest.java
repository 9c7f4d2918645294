package io.chillin.chat.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.local.LocalRoomBus;
import io.chillin.chat.application.port.in.CreateRoomCommand;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.service.ChatScenario.Client;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rooms that quick-joins made and nobody used expire: public, no stored message, nobody in them for the idle time.
 * Rooms created on purpose, private rooms and rooms with a message stay.
 */
class RoomExpiryTest {

    private static final Duration IDLE = Duration.ofMinutes(10);

    /** A room made by a quick-join of a new name; the joiner leaves again at once. */
    private static RoomName quickJoinedAndLeft(ChatScenario chat) {
        Client visitor = chat.connect(chat.newUser());
        RoomName room = TestNames.room();
        chat.join(visitor, room);
        chat.core.leaveRoom().leave(visitor.connection(), room.value());
        return room;
    }

    private static boolean exists(ChatScenario chat, RoomName room) {
        return chat.ports.rooms().find(room).isPresent();
    }

    @Test
    void a_quick_joined_room_nobody_wrote_in_is_deleted_once_nobody_has_been_in_it_for_the_idle_time() {
        ChatScenario chat = ChatScenario.start();
        Client watcher = chat.connectWithoutToken();
        chat.core.watchRooms().watchRooms(watcher.connection(), true);
        RoomName room = quickJoinedAndLeft(chat);

        chat.clock.advance(IDLE.minusSeconds(1));
        assertThat(chat.core.expireIdleRooms(IDLE)).isEmpty();
        assertThat(exists(chat, room)).isTrue();

        chat.clock.advance(Duration.ofSeconds(1));
        assertThat(chat.core.expireIdleRooms(IDLE)).containsExactly(room);
        assertThat(exists(chat, room)).isFalse();
        assertThat(watcher.sink().events(ServerEvent.RoomListChanged.class)).as("created, then deleted")
                .containsExactly(new ServerEvent.RoomListChanged(room), new ServerEvent.RoomListChanged(room));
        assertThat(chat.core.expireIdleRooms(IDLE)).as("nothing left to delete").isEmpty();
    }

    @Test
    void the_idle_time_counts_from_the_last_departure() {
        ChatScenario chat = ChatScenario.start();
        Client alice = chat.connect(chat.newUser());
        RoomName room = TestNames.room();
        chat.join(alice, room);
        chat.clock.advance(Duration.ofMinutes(9));
        chat.core.leaveRoom().leave(alice.connection(), room.value());

        chat.clock.advance(Duration.ofMinutes(9));
        assertThat(chat.core.expireIdleRooms(IDLE)).isEmpty();
        chat.clock.advance(Duration.ofMinutes(1));
        assertThat(chat.core.expireIdleRooms(IDLE)).containsExactly(room);
    }

    @Test
    void a_room_somebody_is_in_never_expires() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = TestNames.room();
        Client alice = chat.connect(chat.newUser());
        chat.join(alice, room);

        chat.clock.advance(Duration.ofHours(5));

        assertThat(chat.core.expireIdleRooms(IDLE)).isEmpty();
        assertThat(exists(chat, room)).isTrue();
        assertThat(chat.send(alice, room, "still here").seq()).isEqualTo(1);
    }

    @Test
    void rooms_created_on_purpose_private_rooms_and_rooms_with_a_message_never_expire() {
        ChatScenario chat = ChatScenario.start();
        RoomName created = chat.core.createRoom().createRoom(
                new CreateRoomCommand(chat.newUser(), TestNames.room().value(), null, null)).name();
        RoomName madePrivate = quickJoinedAndLeft(chat);
        chat.ports.rooms().updatePasswordHash(madePrivate, chat.ports.hasher().hash("secret words"));
        Client writer = chat.connect(chat.newUser());
        RoomName written = TestNames.room();
        chat.join(writer, written);
        chat.send(writer, written, "one message is history");
        chat.core.leaveRoom().leave(writer.connection(), written.value());

        chat.clock.advance(Duration.ofDays(30));

        assertThat(chat.core.expireIdleRooms(IDLE)).isEmpty();
        assertThat(List.of(created, madePrivate, written)).allSatisfy(room -> assertThat(exists(chat, room)).isTrue());
    }

    @Test
    void a_server_that_just_started_or_may_have_missed_departures_waits_the_idle_time_first() {
        ChatScenario chat = ChatScenario.start();
        RoomName old = RoomName.of(TestNames.unique("old "));
        chat.ports.rooms().create(Room.quickJoined(old, Username.of("alice"), chat.clock.instant().minus(Duration.ofDays(1))));
        assertThat(chat.core.expireIdleRooms(IDLE)).as("this server has not heard of the room's use for long").isEmpty();

        chat.clock.advance(IDLE.minusMinutes(1));
        RoomName left = quickJoinedAndLeft(chat);
        chat.clock.advance(Duration.ofMinutes(1));
        assertThat(chat.core.expireIdleRooms(IDLE)).containsExactly(old);

        chat.clock.advance(Duration.ofMinutes(8));
        ((LocalRoomBus) chat.ports.bus()).possibleLoss();
        chat.clock.advance(Duration.ofMinutes(2));
        assertThat(chat.core.expireIdleRooms(IDLE)).as("departures may have been missed just now").isEmpty();
        chat.clock.advance(Duration.ofMinutes(8));
        assertThat(chat.core.expireIdleRooms(IDLE)).containsExactly(left);
    }

    @Test
    void a_member_whose_arrival_was_not_heard_of_keeps_the_room() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = TestNames.room();
        chat.join(chat.connect(chat.newUser()), room);
        ((LocalRoomBus) chat.ports.bus()).possibleLoss();

        chat.clock.advance(IDLE);
        assertThat(chat.core.expireIdleRooms(IDLE)).isEmpty();
        assertThat(exists(chat, room)).isTrue();
    }

    @Test
    void two_servers_sweeping_the_same_rooms_delete_each_room_once() {
        ChatScenario chat = ChatScenario.start();
        ChatCore otherInstance = ChatCore.create(chat.ports, chat.settings, chat.clock);
        RoomName first = quickJoinedAndLeft(chat);
        RoomName second = quickJoinedAndLeft(chat);
        chat.clock.advance(IDLE);

        List<RoomName> deleted = new ArrayList<>(otherInstance.expireIdleRooms(IDLE));
        deleted.addAll(chat.core.expireIdleRooms(IDLE));

        assertThat(deleted).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void an_expired_name_can_be_joined_again_as_a_new_room() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = quickJoinedAndLeft(chat);
        chat.clock.advance(IDLE);
        chat.core.expireIdleRooms(IDLE);

        Client bob = chat.connect(chat.newUser());
        var joined = chat.core.joinRoom().join(bob.connection(), new JoinRoomCommand(room.value(), null, null, null));

        assertThat(joined.room().name()).isEqualTo(room);
        assertThat(chat.send(bob, room, "hello again").seq()).isEqualTo(1);
    }
}
