package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.in.CreateRoomCommand;
import io.chillin.chat.application.port.in.JoinResult;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.service.ChatScenario.Client;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.room.RoomName;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A room deleted under live members, and its name created again: the old members are told and detached, the new room
 * starts at seq 1 with no history of the old one, and its messages reach its members live (docs/ARCHITECTURE.md, fan-out).
 */
class RoomDeletionTest {

    @Test
    void members_of_a_deleted_room_are_told_detached_and_refused_and_the_recreated_name_starts_afresh() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.privateRoom("old secret 1");
        Client alice = chat.connect(chat.newUser());
        chat.core.joinRoom().join(alice.connection(),
                new JoinRoomCommand(room.value(), null, "old secret 1", null));
        for (int i = 0; i < 5; i++) {
            chat.send(alice, room, "private " + i);
        }

        chat.ports.rooms().delete(room);

        assertThat(alice.sink().events(ServerEvent.RoomDeleted.class)).containsExactly(new ServerEvent.RoomDeleted(room));
        assertRejected(() -> chat.send(alice, room, "into the void"), ErrorCode.NOT_IN_ROOM);

        recreateAndCheck(chat, room, alice);
    }

    @Test
    void a_join_after_a_deletion_never_heard_of_here_still_starts_the_new_room_afresh() {
        // This instance's bus lost the deletion (a cluster's pub/sub is not reliable): the join must notice anyway.
        ChatScenario chat = ChatScenario.withBus(DeletionsLostBus::new);
        RoomName room = chat.publicRoom();
        Client alice = chat.joined(chat.newUser(), room);
        for (int i = 0; i < 5; i++) {
            chat.send(alice, room, "old " + i);
        }
        chat.ports.rooms().delete(room);
        assertThat(alice.sink().events(ServerEvent.RoomDeleted.class)).as("the deletion was lost").isEmpty();

        recreateAndCheck(chat, room, alice);

        assertThat(alice.sink().events(ServerEvent.RoomDeleted.class)).as("told when the new room's first member joined")
                .containsExactly(new ServerEvent.RoomDeleted(room));
    }

    private static void recreateAndCheck(ChatScenario chat, RoomName room, Client oldMember) {
        chat.clock.advance(Duration.ofMillis(1));
        chat.core.createRoom().createRoom(new CreateRoomCommand(chat.newUser(), room.value(), null, null));
        oldMember.sink().clear();
        Client bob = chat.connect(chat.newUser());

        JoinResult joined = chat.join(bob, room);

        assertThat(joined.history().messages()).as("nothing of the old room").isEmpty();
        assertThat(joined.members().memberCount()).as("the old member is not counted").isEqualTo(1);
        assertThat(chat.send(bob, room, "first of the new room").seq()).isEqualTo(1);
        assertThat(chat.send(bob, room, "second").seq()).isEqualTo(2);
        assertThat(bob.sink().seqs()).as("delivered live, below the old stream's cursor").containsExactly(1L, 2L);
        assertThat(oldMember.sink().messages()).as("the old member sees nothing of the new room").isEmpty();

        Client carol = chat.connect(chat.newUser());
        assertThat(chat.join(carol, room).history().messages()).extracting(m -> m.text().value())
                .containsExactly("first of the new room", "second");
    }
}
