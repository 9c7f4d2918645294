package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.seqRange;
import static io.chillin.chat.application.service.ChatScenario.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.in.JoinResult;
import io.chillin.chat.domain.room.RoomName;
import org.junit.jupiter.api.Test;

/** The join page comes from what the instance just delivered when it can; it must equal the store's page. */
class RecentHistoryTest {

    @Test
    void a_join_into_a_busy_room_gets_the_latest_fifty_with_has_more() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        ChatScenario.Client speaker = chat.joined(chat.newUser(), room);
        chat.sendPaced(speaker, room, 70);

        JoinResult late = chat.join(chat.connect(chat.newUser()), room);

        assertThat(seqs(late.history().messages())).containsExactlyElementsOf(seqRange(21, 70));
        assertThat(late.history().hasMore()).isTrue();
        assertThat(late.history().messages()).isEqualTo(chat.ports.messages().latest(room, 50));
    }

    @Test
    void a_join_into_a_room_with_a_short_history_gets_all_of_it_without_has_more() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        ChatScenario.Client speaker = chat.joined(chat.newUser(), room);
        chat.sendPaced(speaker, room, 12);

        JoinResult late = chat.join(chat.connect(chat.newUser()), room);

        assertThat(seqs(late.history().messages())).containsExactlyElementsOf(seqRange(1, 12));
        assertThat(late.history().hasMore()).isFalse();
    }

    @Test
    void history_written_before_anybody_was_in_the_room_comes_from_the_store() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        chat.seed(room, 30);
        ChatScenario.Client first = chat.joined(chat.newUser(), room);
        chat.send(first, room, "live");

        JoinResult second = chat.join(chat.connect(chat.newUser()), room);

        assertThat(seqs(second.history().messages())).containsExactlyElementsOf(seqRange(1, 31));
        assertThat(second.history().hasMore()).isFalse();
    }
}
