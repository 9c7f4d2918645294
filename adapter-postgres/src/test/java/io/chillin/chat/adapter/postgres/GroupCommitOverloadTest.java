package io.chillin.chat.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When the database falls behind, appends beyond the group commit's queue are refused at once with
 * UNAVAILABLE instead of waiting; every append that was accepted is stored exactly once, in order.
 */
class GroupCommitOverloadTest {

    @RegisterExtension
    static final TestDatabase H2 = TestDatabase.h2();

    @RegisterExtension
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    private static final int QUEUE = 5;
    private static final int SENDS = 40;

    @Test
    void appends_beyond_the_queue_are_refused_at_once_on_h2_and_the_accepted_ones_are_stored_in_order() throws Exception {
        overload(H2.get());
    }

    @Test
    void appends_beyond_the_queue_are_refused_at_once_on_postgresql_and_the_accepted_ones_are_stored_in_order()
            throws Exception {
        overload(POSTGRES.get());
    }

    @Test
    void appends_are_refused_at_once_on_h2_when_the_oldest_waiting_one_has_waited_too_long() throws Exception {
        refusedByAge(H2.get());
    }

    @Test
    void appends_are_refused_at_once_on_postgresql_when_the_oldest_waiting_one_has_waited_too_long() throws Exception {
        refusedByAge(POSTGRES.get());
    }

    @Test
    void an_append_the_stalled_database_does_not_store_in_time_is_answered_unavailable_and_its_retry_confirmed_on_h2()
            throws Exception {
        answeredDespiteAHungDatabase(H2.get());
    }

    @Test
    void an_append_the_stalled_database_does_not_store_in_time_is_answered_unavailable_and_its_retry_confirmed_on_postgresql()
            throws Exception {
        answeredDespiteAHungDatabase(POSTGRES.get());
    }

    /**
     * The sender's wait has no timer of its own (a timer per send costs every send); the group commit's watchdog answers
     * what the database holds too long. The message may still be stored afterwards: its retry is then confirmed.
     */
    private static void answeredDespiteAHungDatabase(Database db) throws Exception {
        PostgresRoomStore rooms = new PostgresRoomStore(db);
        PostgresMessageStore messages = new PostgresMessageStore(db,
                GroupCommitSettings.DEFAULT.withAnswerTimeout(Duration.ofSeconds(1)).withMaxQueueWait(Duration.ofMinutes(1)));
        Username alice = TestNames.user();
        RoomName room = TestNames.room();
        rooms.create(new Room(room, RoomDescription.NONE, alice, null, Instant.now()));
        NewMessage first = message(room, alice, 0);
        try (Handle stall = db.jdbi().open()) {
            stall.begin();
            stall.createQuery("SELECT last_seq FROM rooms WHERE name_key = :room FOR UPDATE")
                    .bind("room", room.key()).mapTo(Long.class).one();
            CompletableFuture<Object> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return messages.append(first);
                } catch (ChatException.Unavailable refused) {
                    return refused;
                }
            });

            // bounded only so that a hang fails the test rather than the build; the watchdog answers after about 1 s
            Object answered = answer.get(20, TimeUnit.SECONDS);

            assertThat(answered).isInstanceOf(ChatException.Unavailable.class);
            assertThat(((ChatException) answered).getMessage()).contains("in time");
            stall.rollback();
        }
        MessageStore.Appended retry = messages.append(first);
        assertThat(retry.message().seq()).isEqualTo(1);
        assertThat(messages.after(room, 0, 10)).as("stored once, whether by the stalled batch or by the retry")
                .extracting(ChatMessage::text).containsExactly(first.text());
    }

    /** A short queue in time, not in length: the second append waits, and once it has waited long, the third is refused. */
    private static void refusedByAge(Database db) throws Exception {
        PostgresRoomStore rooms = new PostgresRoomStore(db);
        Duration maxWait = Duration.ofMillis(200);
        PostgresMessageStore messages = new PostgresMessageStore(db, GroupCommitSettings.DEFAULT.withMaxQueueWait(maxWait));
        Username alice = TestNames.user();
        RoomName room = TestNames.room();
        rooms.create(new Room(room, RoomDescription.NONE, alice, null, Instant.now()));
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try (Handle stall = db.jdbi().open()) {
            stall.begin();
            stall.createQuery("SELECT last_seq FROM rooms WHERE name_key = :room FOR UPDATE")
                    .bind("room", room.key()).mapTo(Long.class).one();
            CompletableFuture<MessageStore.Appended> held = CompletableFuture.supplyAsync(() -> messages.append(message(room, alice, 0)), senders);
            Thread.sleep(300); // the writer has taken it and waits on the row lock
            CompletableFuture<MessageStore.Appended> queued = CompletableFuture.supplyAsync(() -> messages.append(message(room, alice, 1)), senders);
            Thread.sleep(maxWait.toMillis() * 2); // the queued one has now waited too long

            Throwable refused = catchThrowable(() -> messages.append(message(room, alice, 2)));

            assertThat(refused).isInstanceOf(ChatException.Unavailable.class).hasMessageContaining("busy");
            assertThat(held).isNotDone();
            assertThat(queued).isNotDone();
            stall.rollback();
            assertThat(held.get(15, TimeUnit.SECONDS).message().seq()).isEqualTo(1);
            assertThat(queued.get(15, TimeUnit.SECONDS).message().seq()).isEqualTo(2);
        } finally {
            senders.shutdown();
        }
        assertThat(messages.append(message(room, alice, 3)).message().seq()).as("accepted again once caught up").isEqualTo(3);
    }

    private static NewMessage message(RoomName room, Username author, int n) {
        return new NewMessage(room, author, "user:" + author.key(), TempId.of("a" + n), MessageText.of("message " + n),
                Instant.now());
    }

    private static void overload(Database db) throws Exception {
        PostgresRoomStore rooms = new PostgresRoomStore(db);
        // a queue wait far beyond the test's length: here only the queue's capacity refuses
        PostgresMessageStore messages = new PostgresMessageStore(db,
                GroupCommitSettings.DEFAULT.withQueueLimit(QUEUE).withMaxQueueWait(Duration.ofMinutes(5)));
        Username alice = TestNames.user();
        RoomName room = TestNames.room();
        rooms.create(new Room(room, RoomDescription.NONE, alice, null, Instant.now()));

        ExecutorService senders = Executors.newFixedThreadPool(SENDS);
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        try (Handle stall = db.jdbi().open()) {
            // Another transaction holds the room's row: the writer's batch waits on it, the queue fills up.
            stall.begin();
            stall.createQuery("SELECT last_seq FROM rooms WHERE name_key = :room FOR UPDATE")
                    .bind("room", room.key()).mapTo(Long.class).one();
            for (int i = 0; i < SENDS; i++) {
                NewMessage m = new NewMessage(room, alice, "user:" + alice.key(), TempId.of("t" + i),
                        MessageText.of("message " + i), Instant.now());
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return messages.append(m);
                    } catch (ChatException.Unavailable refused) {
                        return refused;
                    }
                }, senders));
                if (i == 0) {
                    // the writer takes the first append alone and waits on the row lock with it
                    Thread.sleep(500);
                    assertThat(answers.getFirst()).as("the first append waits for the stalled database").isNotDone();
                }
            }
            List<Object> refusedWhileStalled = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (refusedWhileStalled.size() < SENDS - QUEUE - 1 && System.nanoTime() < deadline) {
                refusedWhileStalled = answers.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
                Thread.sleep(10);
            }
            assertThat(refusedWhileStalled).as("answered while the database is stalled: all refusals")
                    .hasSizeGreaterThanOrEqualTo(SENDS - QUEUE - 1)
                    .allSatisfy(a -> assertThat(a).isInstanceOf(ChatException.Unavailable.class));
            assertThat(((ChatException.Unavailable) refusedWhileStalled.getFirst()).getMessage()).contains("busy");
            stall.rollback();
        } finally {
            senders.shutdown();
        }

        List<ChatMessage> accepted = new ArrayList<>();
        for (CompletableFuture<Object> answer : answers) {
            if (answer.get(15, TimeUnit.SECONDS) instanceof MessageStore.Appended appended) {
                assertThat(appended.created()).isTrue();
                accepted.add(appended.message());
            }
        }
        assertThat(accepted).as("one in the writer's hands and the queue's worth waiting").hasSize(QUEUE + 1);
        List<Long> expected = LongStream.rangeClosed(1, accepted.size()).boxed().toList();
        assertThat(accepted.stream().map(ChatMessage::seq).toList()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(messages.after(room, 0, 100)).containsExactlyInAnyOrderElementsOf(accepted);
    }
}
