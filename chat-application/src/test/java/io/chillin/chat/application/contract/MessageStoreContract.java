package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link MessageStore} must do: gap-free per-room seq, idempotent appends, ordered pages. */
public abstract class MessageStoreContract {

    /** A room store and a message store over the same data. */
    protected abstract Stores newStores();

    public record Stores(RoomStore rooms, MessageStore messages) {
    }

    private RoomStore rooms;
    private MessageStore store;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Username alice = TestNames.user();

    @BeforeEach
    void setUpStores() {
        Stores stores = newStores();
        rooms = stores.rooms();
        store = stores.messages();
    }

    private RoomName newRoom() {
        RoomName name = TestNames.room();
        rooms.create(new Room(name, RoomDescription.NONE, alice, null, now));
        return name;
    }

    private NewMessage message(RoomName room, Username author, String tempId, String text) {
        return new NewMessage(room, author, "user:" + author.key(), TempId.of(tempId), MessageText.of(text), now);
    }

    private ChatMessage append(RoomName room, String tempId, String text) {
        return store.append(message(room, alice, tempId, text)).message();
    }

    private List<ChatMessage> fill(RoomName room, int count) {
        List<ChatMessage> appended = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            appended.add(append(room, "t" + i, "message " + i));
        }
        return appended;
    }

    private static List<Long> seqs(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::seq).toList();
    }

    @Test
    void seq_starts_at_one_and_grows_by_exactly_one_per_room() {
        RoomName a = newRoom();
        RoomName b = newRoom();
        assertThat(append(a, "1", "x").seq()).isEqualTo(1);
        assertThat(append(a, "2", "x").seq()).isEqualTo(2);
        assertThat(append(b, "1", "x").seq()).isEqualTo(1);
        assertThat(append(a, "3", "x").seq()).isEqualTo(3);
        assertThat(store.lastSeq(a)).isEqualTo(3);
        assertThat(store.lastSeq(b)).isEqualTo(1);
    }

    @Test
    void stored_message_keeps_every_field_exactly() {
        RoomName room = newRoom();
        String text = "héllo 😀 <img src=x onerror=alert(1)>\n\tsecond line";
        MessageStore.Appended appended = store.append(message(room, alice, "tmp-1", text));
        assertThat(appended.created()).isTrue();
        ChatMessage stored = store.latest(room, 10).getFirst();
        assertThat(stored).isEqualTo(appended.message());
        assertThat(stored.text().value()).isEqualTo(text);
        assertThat(stored.timestamp()).isEqualTo(now);
        assertThat(stored.author()).isEqualTo(alice);
        assertThat(stored.tempId()).isEqualTo(TempId.of("tmp-1"));
        assertThat(stored.room()).isEqualTo(room);
    }

    @Test
    void retried_append_with_same_temp_id_returns_the_stored_message_and_stores_nothing() {
        RoomName room = newRoom();
        ChatMessage first = store.append(message(room, alice, "same", "original")).message();
        MessageStore.Appended retry = store.append(message(room, alice, "same", "changed text"));
        assertThat(retry.created()).isFalse();
        assertThat(retry.message()).isEqualTo(first);
        assertThat(store.lastSeq(room)).isEqualTo(1);
        assertThat(store.findByTempId(room, "user:" + alice.key(), TempId.of("same"))).contains(first);
    }

    @Test
    void same_temp_id_from_another_author_or_room_is_a_new_message() {
        RoomName room = newRoom();
        RoomName other = newRoom();
        Username bob = TestNames.user();
        store.append(message(room, alice, "t", "a"));
        assertThat(store.append(message(room, bob, "t", "b")).created()).isTrue();
        assertThat(store.append(message(other, alice, "t", "c")).created()).isTrue();
        assertThat(store.lastSeq(room)).isEqualTo(2);
    }

    @Test
    void what_append_returns_equals_what_is_read_later_even_from_a_nanosecond_clock() {
        RoomName room = newRoom();
        Instant precise = Instant.parse("2026-03-01T12:34:56.123456789Z");
        ChatMessage appended = store.append(new NewMessage(room, alice, "user:" + alice.key(), TempId.of("p"),
                MessageText.of("precise"), precise)).message();
        assertThat(store.latest(room, 1)).containsExactly(appended);
        assertThat(appended.timestamp()).isBetween(precise.truncatedTo(ChronoUnit.MILLIS), precise);
    }

    @Test
    void a_message_appended_under_another_spelling_of_the_room_name_carries_the_rooms_own_name() {
        RoomName room = newRoom();
        RoomName shouted = RoomName.of(room.value().toUpperCase(Locale.ROOT));
        ChatMessage appended = store.append(message(shouted, alice, "s", "hi")).message();
        assertThat(appended.room().value()).isEqualTo(room.value());
        assertThat(store.latest(shouted, 1)).containsExactly(appended);
    }

    @Test
    void deleting_a_room_deletes_its_history_and_a_new_room_of_that_name_starts_afresh() {
        RoomName room = newRoom();
        fill(room, 3);
        rooms.delete(room);
        assertThat(store.latest(room, 10)).isEmpty();
        assertThat(store.lastSeq(room)).isZero();
        rooms.create(new Room(room, RoomDescription.NONE, alice, null, now));
        assertThat(append(room, "t1", "fresh").seq()).isEqualTo(1);
        assertThat(store.latest(room, 10)).extracting(m -> m.text().value()).containsExactly("fresh");
    }

    @Test
    void unknown_temp_id_is_empty() {
        assertThat(store.findByTempId(newRoom(), "user:x", TempId.of("nope"))).isEmpty();
    }

    @Test
    void append_to_an_unknown_room_is_not_found_and_stores_nothing() {
        RoomName ghost = TestNames.room();
        assertThatThrownBy(() -> store.append(message(ghost, alice, "t", "x")))
                .isInstanceOf(ChatException.NotFound.class);
        assertThat(store.lastSeq(ghost)).isZero();
    }

    @Test
    void empty_room_has_last_seq_zero_and_empty_pages() {
        RoomName room = newRoom();
        assertThat(store.lastSeq(room)).isZero();
        assertThat(store.latest(room, 10)).isEmpty();
        assertThat(store.after(room, 0, 10)).isEmpty();
        assertThat(store.before(room, 5, 10)).isEmpty();
    }

    @Test
    void latest_is_the_newest_n_oldest_first() {
        RoomName room = newRoom();
        fill(room, 7);
        assertThat(seqs(store.latest(room, 3))).containsExactly(5L, 6L, 7L);
        assertThat(seqs(store.latest(room, 100))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void before_is_exclusive_and_newest_first_cut() {
        RoomName room = newRoom();
        fill(room, 7);
        assertThat(seqs(store.before(room, 5, 2))).containsExactly(3L, 4L);
        assertThat(seqs(store.before(room, 2, 10))).containsExactly(1L);
        assertThat(store.before(room, 1, 10)).isEmpty();
    }

    @Test
    void after_is_exclusive_and_oldest_first_cut() {
        RoomName room = newRoom();
        fill(room, 7);
        assertThat(seqs(store.after(room, 2, 3))).containsExactly(3L, 4L, 5L);
        assertThat(seqs(store.after(room, 0, 2))).containsExactly(1L, 2L);
        assertThat(store.after(room, 7, 10)).isEmpty();
    }

    @Test
    void concurrent_appends_get_every_seq_exactly_once() throws Exception {
        RoomName room = newRoom();
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<List<Long>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Username author = TestNames.user();
                tasks.add(() -> {
                    List<Long> got = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        got.add(store.append(message(room, author, "t" + i, "m" + i)).message().seq());
                    }
                    return got;
                });
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : pool.invokeAll(tasks)) {
                all.addAll(f.get());
            }
            List<Long> expected = LongStream.rangeClosed(1, threads * perThread).boxed().toList();
            assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(seqs(store.after(room, 0, 1000))).containsExactlyElementsOf(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrent_retries_of_one_temp_id_store_it_once() throws Exception {
        RoomName room = newRoom();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<ChatMessage>> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tasks.add(() -> store.append(message(room, alice, "dup", "same")).message());
            }
            List<ChatMessage> results = new ArrayList<>();
            for (Future<ChatMessage> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            assertThat(results).allSatisfy(m -> assertThat(m).isEqualTo(results.getFirst()));
            assertThat(store.lastSeq(room)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A store may batch appends (group commit): a burst mixing rooms, repeats and an unknown room answers each one right. */
    @Test
    void a_burst_across_rooms_with_repeats_and_an_unknown_room_answers_each_append_on_its_own() throws Exception {
        List<RoomName> rooms = List.of(newRoom(), newRoom(), newRoom());
        RoomName missing = TestNames.room();
        ChatMessage storedBefore = append(rooms.getFirst(), "early", "stored before the burst");
        int perRoom = 40;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < perRoom; i++) {
                for (RoomName room : rooms) {
                    int n = i;
                    tasks.add(() -> store.append(message(room, alice, "b" + n, room + " " + n)));
                }
                tasks.add(() -> store.append(message(rooms.getFirst(), alice, "early", "stored before the burst")));
                tasks.add(() -> {
                    try {
                        return store.append(message(missing, alice, "lost", "to no room"));
                    } catch (ChatException.NotFound expected) {
                        return expected;
                    }
                });
            }
            List<Object> answers = new ArrayList<>();
            for (Future<Object> f : pool.invokeAll(tasks)) {
                answers.add(f.get());
            }
            assertThat(answers).filteredOn(ChatException.NotFound.class::isInstance).hasSize(perRoom);
            List<MessageStore.Appended> appended = answers.stream()
                    .filter(MessageStore.Appended.class::isInstance).map(MessageStore.Appended.class::cast).toList();
            assertThat(appended).filteredOn(a -> a.message().tempId().value().equals("early"))
                    .hasSize(perRoom).allSatisfy(a -> {
                        assertThat(a.created()).isFalse();
                        assertThat(a.message()).isEqualTo(storedBefore);
                    });
            for (RoomName room : rooms) {
                List<ChatMessage> history = store.after(room, 0, 1000);
                long offset = room.equals(rooms.getFirst()) ? 1 : 0;
                assertThat(seqs(history)).containsExactlyElementsOf(
                        LongStream.rangeClosed(1, perRoom + offset).boxed().toList());
                assertThat(appended).filteredOn(a -> a.created() && a.message().room().equals(room))
                        .extracting(MessageStore.Appended::message)
                        .containsExactlyInAnyOrderElementsOf(history.subList((int) offset, history.size()));
            }
            assertThat(store.lastSeq(missing)).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
