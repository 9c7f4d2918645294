package io.chillin.chat.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.in.CreateRoomCommand;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.domain.room.RoomName;
import org.junit.jupiter.api.Test;

/** A connection watching the room list hears of member counts and new rooms, without being in any room. */
class WatchRoomsTest {

    @Test
    void a_watcher_hears_member_counts_change_in_rooms_it_is_not_in() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        ChatScenario.Client watcher = chat.connectWithoutToken();
        chat.core.watchRooms().watchRooms(watcher.connection(), true);

        ChatScenario.Client alice = chat.joined(chat.newUser(), room);
        chat.joined(chat.newUser(), room);
        chat.core.leaveRoom().leave(alice.connection(), room.value());

        assertThat(watcher.sink().events(ServerEvent.RoomActivity.class)).containsExactly(
                new ServerEvent.RoomActivity(room, 1), new ServerEvent.RoomActivity(room, 2),
                new ServerEvent.RoomActivity(room, 1));
        assertThat(watcher.sink().notices()).as("no room traffic for a mere watcher").isEmpty();
    }

    @Test
    void a_watcher_hears_of_rooms_created_by_anybody() {
        ChatScenario chat = ChatScenario.start();
        ChatScenario.Client watcher = chat.connectWithoutToken();
        chat.core.watchRooms().watchRooms(watcher.connection(), true);

        RoomName made = chat.core.createRoom().createRoom(new CreateRoomCommand(chat.newUser(), "fresh room", null, null)).name();
        ChatScenario.Client quick = chat.connect(chat.newUser());
        chat.core.joinRoom().join(quick.connection(), new io.chillin.chat.application.port.in.JoinRoomCommand("quick join", null, null, null));

        assertThat(watcher.sink().events(ServerEvent.RoomListChanged.class)).extracting(ServerEvent.RoomListChanged::room)
                .containsExactly(made, RoomName.of("quick join"));
    }

    @Test
    void unwatching_or_disconnecting_stops_the_news() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        ChatScenario.Client stopped = chat.connectWithoutToken();
        ChatScenario.Client gone = chat.connectWithoutToken();
        chat.core.watchRooms().watchRooms(stopped.connection(), true);
        chat.core.watchRooms().watchRooms(gone.connection(), true);
        chat.core.watchRooms().watchRooms(stopped.connection(), false);
        chat.core.leaveRoom().disconnect(gone.connection());

        chat.joined(chat.newUser(), room);

        assertThat(stopped.sink().events()).isEmpty();
        assertThat(gone.sink().events()).isEmpty();
    }
}
