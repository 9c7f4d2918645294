package io.chillin.chat.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bulk import's writes: one transaction each, idempotent, messages in order on the room's seqs. */
abstract class LegacyImportStoreContract {

    private static final Instant T0 = Instant.parse("2021-03-04T05:06:07.123Z");

    protected abstract Database database();

    private LegacyImportStore store() {
        return new LegacyImportStore(database(), Clock.systemUTC());
    }

    private static User user(Username name) {
        return new User(name, "legacy-sha256$" + "ab".repeat(32), "", T0);
    }

    private static Room room(RoomName name) {
        return new Room(name, RoomDescription.of("imported"), Username.of("creator"), null, T0);
    }

    private static NewMessage message(RoomName room, String author, int i) {
        return new NewMessage(room, Username.of(author), "user:" + author.toLowerCase(), TempId.of("legacy-" + i),
                MessageText.of("message " + i + " 🎉"), T0.plusSeconds(i));
    }

    @Test
    void users_are_created_once_whatever_the_case_of_their_name() {
        Username name = TestNames.user();
        Username sameInOtherCase = Username.of(name.value().toUpperCase());

        assertThat(store().createUsers(List.of(user(name)))).containsExactly(name);
        assertThat(store().createUsers(List.of(user(sameInOtherCase), user(name)))).isEmpty();

        assertThat(store().users()).containsEntry(name.key(), name);
        assertThat(new PostgresUserStore(database(), Clock.systemUTC()).find(name)).get()
                .extracting(User::passwordHash).isEqualTo("legacy-sha256$" + "ab".repeat(32));
    }

    @Test
    void rooms_are_created_once_and_listed_with_their_last_seq() {
        RoomName name = TestNames.room();

        assertThat(store().createRooms(List.of(room(name)))).containsExactly(name);
        assertThat(store().createRooms(List.of(room(RoomName.of(name.value().toUpperCase()))))).isEmpty();

        assertThat(store().rooms().get(name.key())).isEqualTo(new LegacyImportStore.StoredRoom(name, 0));
    }

    @Test
    void messages_take_consecutive_seqs_in_the_order_given_and_keep_their_timestamps() {
        RoomName name = TestNames.room();
        List<NewMessage> messages = IntStream.rangeClosed(1, 1200).mapToObj(i -> message(name, "alice", i)).toList();
        List<Integer> progress = new ArrayList<>();

        LegacyImportStore.MessageImport result = store().importMessages(List.of(room(name)), messages, progress::add);

        assertThat(result.roomsCreated()).containsExactly(name);
        assertThat(result.appended()).containsExactly(new LegacyImportStore.RoomAppend(name, 1200, 1, 1200));
        assertThat(progress).isSorted().endsWith(1200);
        List<ChatMessage> stored = new PostgresMessageStore(database()).after(name, 0, 2000);
        assertThat(stored).extracting(ChatMessage::seq).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 1200).mapToObj(i -> (long) i).toList());
        assertThat(stored.get(41).text().value()).isEqualTo("message 42 🎉");
        assertThat(stored.get(41).timestamp()).isEqualTo(T0.plusSeconds(42));
        assertThat(store().tempIds(name, "legacy-")).hasSize(1200).contains("legacy-7");
    }

    @Test
    void a_second_import_of_the_same_messages_stores_nothing() {
        RoomName name = TestNames.room();
        List<NewMessage> messages = IntStream.rangeClosed(1, 5).mapToObj(i -> message(name, "bob", i)).toList();
        store().importMessages(List.of(room(name)), messages, n -> { });

        LegacyImportStore.MessageImport again = store().importMessages(List.of(room(name)), messages, n -> { });

        assertThat(again.roomsCreated()).isEmpty();
        assertThat(again.messagesCreated()).isZero();
        assertThat(new PostgresMessageStore(database()).lastSeq(name)).isEqualTo(5);
    }

    @Test
    void imported_messages_follow_the_live_ones_and_live_appends_follow_them() {
        RoomName name = TestNames.room();
        store().createRooms(List.of(room(name)));
        PostgresMessageStore live = new PostgresMessageStore(database());
        live.append(new NewMessage(name, Username.of("carol"), "user:carol", TempId.of("live-1"), MessageText.of("live"), T0));

        store().importMessages(List.of(), List.of(message(name, "dave", 1), message(name, "dave", 2)), n -> { });
        ChatMessage next = live.append(new NewMessage(name, Username.of("carol"), "user:carol", TempId.of("live-2"),
                MessageText.of("after"), T0)).message();

        assertThat(live.after(name, 0, 10)).extracting(m -> m.seq() + ":" + m.text().value())
                .containsExactly("1:live", "2:message 1 🎉", "3:message 2 🎉", "4:after");
        assertThat(next.seq()).isEqualTo(4);
    }

    @Test
    void a_message_import_that_fails_stores_nothing_not_even_its_new_rooms() {
        RoomName created = TestNames.room();
        RoomName missing = TestNames.room();

        assertThatThrownBy(() -> store().importMessages(List.of(room(created)),
                List.of(message(created, "erin", 1), message(missing, "erin", 2)), n -> { }))
                .isInstanceOf(ChatException.NotFound.class);

        assertThat(store().rooms()).doesNotContainKey(created.key());
        assertThat(new PostgresMessageStore(database()).lastSeq(created)).isZero();
    }

    /** The old app had no look-alike rule: its look-alikes come over like names from before it, without a skeleton. */
    @Test
    void look_alikes_of_stored_names_are_imported_and_new_look_alikes_of_them_are_still_refused() {
        String digits = TestNames.digits();
        Username scope = Username.of("scope" + digits);
        Username cyrillic = Username.of("\u0455\u0441\u043e\u0440\u0435" + digits);
        RoomName lobby = RoomName.of("lobby " + digits);
        RoomName digitOne = RoomName.of("1obby " + digits);

        assertThat(store().createUsers(List.of(user(scope), user(cyrillic)))).containsExactly(scope, cyrillic);
        assertThat(store().importMessages(List.of(room(lobby), room(digitOne)),
                List.of(message(digitOne, "frank", 1)), n -> { }).roomsCreated()).containsExactly(lobby, digitOne);

        PostgresUserStore users = new PostgresUserStore(database(), Clock.systemUTC());
        assertThat(users.find(cyrillic)).isPresent();
        assertThatThrownBy(() -> users.create(user(Username.of("SC0PE" + digits))))
                .isInstanceOf(ChatException.Conflict.class).hasMessageContaining(scope.value());
        assertThatThrownBy(() -> new PostgresRoomStore(database()).create(room(RoomName.of("l0bby " + digits))))
                .isInstanceOf(ChatException.Conflict.class).hasMessageContaining(lobby.value());
    }
}
