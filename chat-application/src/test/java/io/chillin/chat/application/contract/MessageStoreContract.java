package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.Emoji;
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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    void appends_started_one_after_another_are_stored_in_that_order_and_each_says_when_it_is_done() {
        RoomName room = newRoom();
        List<MessageStore.StartedAppend> started = new ArrayList<>();
        List<CountDownLatch> done = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            MessageStore.StartedAppend append = store.start(message(room, alice, "s" + i, "started " + i));
            CountDownLatch latch = new CountDownLatch(1);
            append.whenDone(latch::countDown);
            started.add(append);
            done.add(latch);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(awaitQuietly(done.get(i))).as("append %d says it is done", i + 1).isTrue();
            MessageStore.Appended appended = started.get(i).await();
            assertThat(appended.created()).isTrue();
            assertThat(appended.message().seq()).isEqualTo(i + 1);
            assertThat(appended.message().tempId()).isEqualTo(TempId.of("s" + (i + 1)));
        }
        MessageStore.StartedAppend repeat = store.start(message(room, alice, "s3", "again"));
        assertThat(repeat.await().created()).as("a started repeat is a repeat").isFalse();
        assertThat(repeat.await().message().seq()).isEqualTo(3);
        assertThat(store.lastSeq(room)).isEqualTo(5);
    }

    @Test
    void a_started_append_to_a_room_that_does_not_exist_is_refused_and_says_it_is_done() {
        RoomName missing = TestNames.room();
        Throwable refused = catchThrowable(() -> {
            MessageStore.StartedAppend append = store.start(message(missing, alice, "lost", "to no room"));
            CountDownLatch latch = new CountDownLatch(1);
            append.whenDone(latch::countDown);
            assertThat(awaitQuietly(latch)).isTrue();
            append.await();
        });
        assertThat(refused).isInstanceOf(ChatException.NotFound.class);
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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

    // --- v2: revisions, edits, deletions, reactions, replies, mentions, read markers ---

    private final Username bob = TestNames.user();

    private ChatMessage edit(RoomName room, long seq, String text) {
        return store.change(room, seq, (m, rev) -> m.edited(MessageText.of(text), List.of(), now, rev)).message();
    }

    private MessageStore.Changed react(RoomName room, long seq, String emoji, Username who, boolean on) {
        return store.change(room, seq, (m, rev) -> m.reacted(Emoji.of(emoji), who, on, rev));
    }

    private static List<String> emoji(ChatMessage m) {
        return m.reactions().stream().map(r -> r.emoji().value()).toList();
    }

    @Test
    void every_change_raises_the_rooms_rev_by_exactly_one_and_a_new_message_takes_the_next() {
        RoomName room = newRoom();
        RoomName other = newRoom();
        assertThat(store.position(room)).isEqualTo(MessageStore.Position.EMPTY);
        assertThat(append(room, "1", "one").rev()).isEqualTo(1);
        assertThat(append(other, "1", "elsewhere").rev()).isEqualTo(1);
        assertThat(edit(room, 1, "one, edited").rev()).isEqualTo(2);
        assertThat(react(room, 1, "👍", bob, true).message().rev()).isEqualTo(3);
        ChatMessage second = append(room, "2", "two");
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.rev()).isEqualTo(4);
        assertThat(store.change(room, 2, (m, rev) -> m.deletedAs(rev)).message().rev()).isEqualTo(5);
        assertThat(store.position(room)).isEqualTo(new MessageStore.Position(2, 5));
        assertThat(store.position(other)).isEqualTo(new MessageStore.Position(1, 1));
    }

    @Test
    void a_change_that_changes_nothing_takes_no_rev_and_stores_nothing() {
        RoomName room = newRoom();
        ChatMessage first = append(room, "1", "same");
        MessageStore.Changed same = store.change(room, 1, (m, rev) -> m.edited(MessageText.of("  same "), List.of(), now, rev));
        assertThat(same.changed()).isFalse();
        assertThat(same.message()).isEqualTo(first);
        assertThat(react(room, 1, "👍", bob, false).changed()).isFalse();
        assertThat(store.position(room).rev()).isEqualTo(1);
        assertThat(store.find(room, 1)).contains(first);
    }

    @Test
    void a_rule_that_refuses_changes_nothing_and_its_exception_reaches_the_caller() {
        RoomName room = newRoom();
        ChatMessage first = append(room, "1", "x");
        assertThatThrownBy(() -> store.change(room, 1, (m, rev) -> {
            throw new ChatException.Forbidden("not yours");
        })).isInstanceOf(ChatException.Forbidden.class);
        assertThatThrownBy(() -> store.change(room, 2, (m, rev) -> m.deletedAs(rev)))
                .isInstanceOf(ChatException.NotFound.class);
        assertThatThrownBy(() -> store.change(TestNames.room(), 1, (m, rev) -> m.deletedAs(rev)))
                .isInstanceOf(ChatException.NotFound.class);
        assertThat(store.find(room, 1)).contains(first);
        assertThat(store.position(room).rev()).isEqualTo(1);
    }

    @Test
    void an_edit_keeps_everything_but_the_text_mentions_and_edit_time_and_is_read_back_exactly() {
        RoomName room = newRoom();
        ChatMessage original = append(room, "1", "hello");
        Instant editedAt = now.plusSeconds(5);
        ChatMessage edited = store.change(room, 1, (m, rev) -> m.edited(MessageText.of("hello @" + bob.value()),
                List.of(bob), editedAt, rev)).message();
        assertThat(edited.text().value()).isEqualTo("hello @" + bob.value());
        assertThat(edited.editedAt()).isEqualTo(editedAt);
        assertThat(edited.mentions()).containsExactly(bob);
        assertThat(edited.id()).isEqualTo(original.id());
        assertThat(edited.timestamp()).isEqualTo(original.timestamp());
        assertThat(edited.tempId()).isEqualTo(original.tempId());
        assertThat(store.find(room, 1)).contains(edited);
        assertThat(store.latest(room, 5)).containsExactly(edited);
        assertThat(store.findByTempId(room, "user:" + alice.key(), TempId.of("1"))).contains(edited);
    }

    @Test
    void a_deleted_message_keeps_its_identity_and_loses_its_content_and_cannot_be_edited_or_reacted_to() {
        RoomName room = newRoom();
        append(room, "1", "first");
        store.append(new NewMessage(room, alice, "user:" + alice.key(), TempId.of("2"), MessageText.of("hi @x " + bob.value()),
                now, 1L, List.of(bob)));
        react(room, 2, "🎉", bob, true);
        edit(room, 2, "edited before deletion");
        ChatMessage deleted = store.change(room, 2, (m, rev) -> m.deletedAs(rev)).message();
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.text().value()).isEmpty();
        assertThat(deleted.reactions()).isEmpty();
        assertThat(deleted.mentions()).isEmpty();
        assertThat(deleted.editedAt()).isEqualTo(now);
        assertThat(deleted.replyTo().seq()).isEqualTo(1);
        assertThat(store.find(room, 2)).contains(deleted);
        assertThat(store.change(room, 2, (m, rev) -> m.deletedAs(rev)).changed()).isFalse();
        assertThatThrownBy(() -> edit(room, 2, "again")).isInstanceOf(ChatException.NotFound.class);
        assertThatThrownBy(() -> react(room, 2, "🎉", bob, true)).isInstanceOf(ChatException.NotFound.class);
    }

    @Test
    void reactions_keep_the_order_emoji_were_added_and_users_reacted_and_a_readded_emoji_goes_last() {
        RoomName room = newRoom();
        append(room, "1", "react to me");
        Username carol = TestNames.user();
        react(room, 1, "👍", alice, true);
        react(room, 1, "🎉", bob, true);
        react(room, 1, "👍", carol, true);
        react(room, 1, "👍", alice, false); // 👍 keeps its place: carol still has it
        ChatMessage m = react(room, 1, "❤️", alice, true).message();
        assertThat(emoji(m)).containsExactly("👍", "🎉", "❤️");
        assertThat(m.reactions().getFirst().users()).containsExactly(carol);
        react(room, 1, "👍", carol, false); // the last 👍 goes: it leaves the list
        react(room, 1, "🎉", alice, true);
        m = react(room, 1, "👍", bob, true).message();
        assertThat(emoji(m)).containsExactly("🎉", "❤️", "👍");
        assertThat(m.reactions().getFirst().users()).containsExactly(bob, alice);
        assertThat(m.reactions().getFirst().count()).isEqualTo(2);
        assertThat(store.find(room, 1)).contains(m);
    }

    @Test
    void at_most_twenty_distinct_emoji_and_a_twenty_first_is_refused() {
        RoomName room = newRoom();
        append(room, "1", "many");
        for (int i = 0; i < ChatMessage.MAX_REACTIONS; i++) {
            react(room, 1, "e" + i, alice, true);
        }
        assertThatThrownBy(() -> react(room, 1, "one-too-many", alice, true))
                .isInstanceOfSatisfying(ChatException.Invalid.class, e -> assertThat(e.field()).isEqualTo("emoji"));
        assertThat(react(room, 1, "e0", bob, true).changed()).isTrue(); // more users of a listed emoji are fine
        assertThat(store.find(room, 1).orElseThrow().reactions()).hasSize(ChatMessage.MAX_REACTIONS);
    }

    @Test
    void a_reply_quotes_the_current_text_of_what_it_answers_and_its_rev_stays_when_that_changes() {
        RoomName room = newRoom();
        String longText = "x".repeat(99) + "😀😀 and more";
        append(room, "1", longText);
        ChatMessage reply = store.append(new NewMessage(room, bob, "user:" + bob.key(), TempId.of("r"),
                MessageText.of("answer"), now, 1L, List.of())).message();
        assertThat(reply.replyTo().seq()).isEqualTo(1);
        assertThat(reply.replyTo().user()).isEqualTo(alice);
        assertThat(reply.replyTo().text()).isEqualTo("x".repeat(99) + "😀");
        edit(room, 1, "short now");
        ChatMessage read = store.find(room, 2).orElseThrow();
        assertThat(read.replyTo().text()).isEqualTo("short now");
        assertThat(read.rev()).isEqualTo(reply.rev());
        store.change(room, 1, (m, rev) -> m.deletedAs(rev));
        assertThat(store.latest(room, 5).getLast().replyTo().text()).isEmpty();
        assertThat(store.changedAfter(room, 0, 10).stream().filter(m -> m.seq() == 2).findFirst().orElseThrow()
                .replyTo().text()).isEmpty();
    }

    @Test
    void changed_after_lists_each_message_once_in_its_current_state_by_rev() {
        RoomName room = newRoom();
        fill(room, 3);           // revs 1, 2, 3
        edit(room, 1, "one");    // 4
        edit(room, 3, "three");  // 5
        edit(room, 1, "uno");    // 6
        List<ChatMessage> changed = store.changedAfter(room, 2, 10);
        assertThat(changed).extracting(ChatMessage::seq).containsExactly(3L, 1L);
        assertThat(changed).extracting(ChatMessage::rev).containsExactly(5L, 6L);
        assertThat(changed.getLast().text().value()).isEqualTo("uno");
        assertThat(store.changedAfter(room, 0, 2)).extracting(ChatMessage::rev).containsExactly(2L, 5L);
        assertThat(store.changedAfter(room, 6, 10)).isEmpty();
    }

    @Test
    void concurrent_appends_and_changes_take_every_rev_exactly_once() throws Exception {
        RoomName room = newRoom();
        fill(room, 4);
        int threads = 4;
        int each = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> revs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                revs.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        if (i % 2 == 0) {
                            mine.add(append(room, "c" + thread + "-" + i, "concurrent").rev());
                        } else {
                            mine.add(react(room, 1 + thread, "r" + i, alice, true).message().rev());
                        }
                    }
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : revs) {
                all.addAll(f.get());
            }
            assertThat(all).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(5, 4 + threads * each).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.position(room).rev()).isEqualTo(4 + threads * each);
    }

    @Test
    void a_read_marker_only_moves_forward_and_stops_at_the_newest_message() {
        RoomName room = newRoom();
        fill(room, 5);
        String reader = "user:" + bob.key();
        assertThat(store.markRead(room, reader, 2)).hasValue(2);
        assertThat(store.markRead(room, reader, 1)).isEmpty();
        assertThat(store.markRead(room, reader, 2)).isEmpty();
        assertThat(store.markRead(room, reader, 99)).hasValue(5);
        assertThat(store.markRead(room, reader, 99)).isEmpty();
        assertThat(store.markRead(room, "user:" + alice.key(), 3)).hasValue(3);
        assertThatThrownBy(() -> store.markRead(TestNames.room(), reader, 1)).isInstanceOf(ChatException.NotFound.class);
    }

    @Test
    void concurrent_markers_of_one_reader_end_at_the_highest_and_none_fails() throws Exception {
        RoomName room = newRoom();
        fill(room, 20);
        String reader = "user:" + bob.key();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> marks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                marks.add(pool.submit(() -> {
                    for (long seq = 1 + offset; seq <= 20; seq += 4) {
                        store.markRead(room, reader, seq);
                    }
                    return null;
                }));
            }
            for (Future<?> f : marks) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.unread(List.of(room), reader, bob).get(room.key()).lastReadSeq()).isEqualTo(20);
    }

    @Test
    void unread_counts_what_others_wrote_above_the_marker_that_is_not_deleted_and_what_of_it_mentions_the_reader() {
        RoomName room = newRoom();
        RoomName quiet = newRoom();
        RoomName untouched = newRoom();
        String reader = "user:" + bob.key();
        append(room, "1", "read already");
        store.markRead(room, reader, 1);
        append(room, "2", "unread");
        store.append(new NewMessage(room, alice, "user:" + alice.key(), TempId.of("3"), MessageText.of("@" + bob.value()),
                now, null, List.of(bob)));
        store.append(new NewMessage(room, bob, reader, TempId.of("4"), MessageText.of("my own"), now));
        append(room, "5", "deleted soon");
        store.change(room, 5, (m, rev) -> m.deletedAs(rev));
        append(quiet, "1", "q");
        store.markRead(quiet, reader, 1);
        append(untouched, "1", "u1");
        store.append(new NewMessage(untouched, alice, "user:" + alice.key(), TempId.of("2"),
                MessageText.of("hey @" + bob.value().toUpperCase(Locale.ROOT)), now, null, List.of(bob)));
        Map<String, MessageStore.Unread> unread = store.unread(List.of(room, quiet, untouched, TestNames.room()), reader, bob);
        assertThat(unread).containsOnlyKeys(room.key(), quiet.key(), untouched.key());
        assertThat(unread.get(room.key())).isEqualTo(new MessageStore.Unread(1, 2, 1));
        assertThat(unread.get(quiet.key())).isEqualTo(new MessageStore.Unread(1, 0, 0));
        assertThat(unread.get(untouched.key())).isEqualTo(new MessageStore.Unread(0, 2, 1));
    }

    @Test
    void a_deleted_room_takes_its_read_markers_with_it() {
        RoomName room = newRoom();
        fill(room, 2);
        String reader = "user:" + bob.key();
        store.markRead(room, reader, 2);
        rooms.delete(room);
        rooms.create(new Room(room, RoomDescription.NONE, alice, null, now));
        append(room, "again", "new life");
        assertThat(store.unread(List.of(room), reader, bob).get(room.key())).isEqualTo(new MessageStore.Unread(0, 1, 0));
        assertThat(store.position(room)).isEqualTo(new MessageStore.Position(1, 1));
    }
}
