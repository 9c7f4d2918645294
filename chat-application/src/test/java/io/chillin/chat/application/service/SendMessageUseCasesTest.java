package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.assertInvalid;
import static io.chillin.chat.application.service.ChatScenario.assertRejected;
import static io.chillin.chat.application.service.ChatScenario.seqRange;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.service.ChatScenario.Client;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The send pipeline: order, fan-out, idempotency, validation and the rate limit. */
class SendMessageUseCasesTest {

    /** The protocol's limit: 10 messages per 10 s per user. */
    private static final int LIMIT = 10;

    private static ChatException.RateLimited assertRateLimited(ChatScenario chat, Client client, RoomName room) {
        return (ChatException.RateLimited) assertRejected(() -> chat.send(client, room, "one too many"),
                ErrorCode.RATE_LIMITED);
    }

    private static void sendBurst(ChatScenario chat, Client client, RoomName room, int count) {
        for (int i = 0; i < count; i++) {
            chat.send(client, room, "burst " + i);
        }
    }

    @Test
    void messages_get_consecutive_seqs_and_reach_every_member_once_in_order_sender_included() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Identity alice = chat.newUser();
        Client aliceHere = chat.joined(alice, room);
        Client aliceElsewhere = chat.joined(alice, room);
        Client bob = chat.joined(chat.newUser(), room);

        List<Long> sent = List.of(
                chat.send(aliceHere, room, "one").seq(),
                chat.send(bob, room, "two").seq(),
                chat.send(aliceElsewhere, room, "three").seq());

        assertThat(sent).containsExactly(1L, 2L, 3L);
        for (Client member : List.of(aliceHere, aliceElsewhere, bob)) {
            assertThat(member.sink().seqs()).as(member.connection().toString()).containsExactly(1L, 2L, 3L);
            assertThat(member.sink().messages()).extracting(m -> m.text().value()).containsExactly("one", "two", "three");
        }
        assertThat(chat.stored(room)).isEqualTo(3);
    }

    @Test
    void a_stored_message_carries_its_author_room_trimmed_text_and_the_clocks_time() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client alice = chat.joined(chat.newUser(), room);

        ChatMessage sent = chat.send(alice, room, "t-1", "  hello\tthere\n😀  ");

        assertThat(sent.author()).isEqualTo(alice.identity().name());
        assertThat(sent.authorKey()).isEqualTo(alice.identity().key());
        assertThat(sent.room()).isEqualTo(room);
        assertThat(sent.text().value()).isEqualTo("hello\tthere\n😀");
        assertThat(sent.timestamp()).isEqualTo(chat.clock.instant());
        assertThat(sent.tempId().value()).isEqualTo("t-1");
        assertThat(chat.ports.messages().latest(room, 10)).containsExactly(sent);
    }

    @Test
    void a_message_sent_with_another_spelling_of_the_room_name_is_posted_under_the_rooms_own_name() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client alice = chat.joined(chat.newUser(), room);

        ChatMessage sent = chat.send(alice, RoomName.of(room.value().toUpperCase()), "shouting the room name");

        assertThat(sent.room()).isEqualTo(room);
        assertThat(alice.sink().messages()).singleElement()
                .satisfies(m -> assertThat(m.room().value()).isEqualTo(room.value()));
    }

    @Test
    void a_retried_send_with_the_same_temp_id_is_confirmed_with_the_stored_message_and_delivered_once() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client alice = chat.joined(chat.newUser(), room);
        Client bob = chat.joined(chat.newUser(), room);

        ChatMessage first = chat.send(alice, room, "t-retry", "original text");
        ChatMessage retried = chat.send(alice, room, "t-retry", "edited text");

        assertThat(retried.id()).isEqualTo(first.id());
        assertThat(retried.seq()).isEqualTo(first.seq());
        assertThat(retried.text().value()).isEqualTo("original text");
        assertThat(chat.stored(room)).isEqualTo(1);
        assertThat(alice.sink().seqs()).containsExactly(1L);
        assertThat(bob.sink().seqs()).containsExactly(1L);
    }

    @Test
    void the_same_temp_id_from_another_user_is_another_message() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client alice = chat.joined(chat.newUser(), room);
        Client bob = chat.joined(chat.newUser(), room);

        ChatMessage fromAlice = chat.send(alice, room, "t-same", "from alice");
        ChatMessage fromBob = chat.send(bob, room, "t-same", "from bob");

        assertThat(fromBob.id()).isNotEqualTo(fromAlice.id());
        assertThat(fromBob.seq()).isEqualTo(2);
        assertThat(bob.sink().seqs()).containsExactly(1L, 2L);
    }

    @Test
    void sending_to_a_room_not_joined_is_not_in_room_and_stores_nothing() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client member = chat.joined(chat.newUser(), room);
        Client outsider = chat.connect(chat.newUser());
        Client leaver = chat.joined(chat.newUser(), room);
        chat.core.leaveRoom().leave(leaver.connection(), room.value());

        assertRejected(() -> chat.send(outsider, room, "hello?"), ErrorCode.NOT_IN_ROOM);
        assertRejected(() -> chat.send(leaver, room, "hello again?"), ErrorCode.NOT_IN_ROOM);
        assertRejected(() -> chat.send(chat.connectWithoutToken(), room, "who am I?"), ErrorCode.UNAUTHORIZED);

        assertThat(chat.stored(room)).isZero();
        assertThat(member.sink().messages()).isEmpty();
    }

    @ParameterizedTest(name = "text [{0}] is rejected")
    @ValueSource(strings = {"", "   ", "\n\t", "ring\u0007bell", "nul\u0000byte", "escape\u001b[31m", "c1\u0085control",
            "lone \uD83D surrogate"})
    void a_bad_text_is_rejected_on_the_text_field_and_stores_nothing(String text) {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client alice = chat.joined(chat.newUser(), room);

        assertInvalid(() -> chat.send(alice, room, text), "text");

        assertThat(chat.stored(room)).isZero();
        assertThat(alice.sink().messages()).isEmpty();
    }

    @Test
    void a_text_of_500_code_points_is_accepted_and_501_is_rejected() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client alice = chat.joined(chat.newUser(), room);

        ChatMessage longest = chat.send(alice, room, "\uD83D\uDE00".repeat(500));
        assertInvalid(() -> chat.send(alice, room, "a".repeat(501)), "text");
        assertInvalid(() -> chat.send(alice, room, null), "text");

        assertThat(longest.text().value().codePointCount(0, longest.text().value().length())).isEqualTo(500);
        assertThat(chat.stored(room)).isEqualTo(1);
    }

    @Test
    void the_eleventh_message_within_10_seconds_is_rate_limited_and_stores_nothing_until_the_window_slides() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client alice = chat.joined(chat.newUser(), room);
        sendBurst(chat, alice, room, LIMIT);

        ChatException.RateLimited limited = assertRateLimited(chat, alice, room);

        assertThat(limited.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(chat.stored(room)).isEqualTo(LIMIT);
        assertThat(alice.sink().seqs()).isEqualTo(seqRange(1, LIMIT));
        chat.clock.advance(limited.retryAfter());
        assertThat(chat.send(alice, room, "patience pays").seq()).isEqualTo(LIMIT + 1);
    }

    @Test
    void the_rate_limit_slides_message_by_message() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client alice = chat.joined(chat.newUser(), room);
        for (int i = 0; i < LIMIT; i++) {
            chat.send(alice, room, "tick " + i);
            chat.clock.advance(Duration.ofSeconds(1));
        }

        chat.send(alice, room, "the first one has just left the window");

        assertRateLimited(chat, alice, room);
        assertThat(chat.stored(room)).isEqualTo(LIMIT + 1);
    }

    @Test
    void the_rate_limit_is_per_user_across_rooms_and_connections() {
        ChatScenario chat = ChatScenario.start();
        RoomName lobby = chat.publicRoom();
        RoomName games = chat.publicRoom();
        Identity alice = chat.newUser();
        Client aliceInLobby = chat.joined(alice, lobby);
        Client aliceInGames = chat.joined(alice, games);
        Client bob = chat.joined(chat.newUser(), lobby);
        sendBurst(chat, aliceInLobby, lobby, LIMIT / 2);
        sendBurst(chat, aliceInGames, games, LIMIT / 2);

        assertRateLimited(chat, aliceInLobby, lobby);
        assertRateLimited(chat, aliceInGames, games);

        assertThat(chat.send(bob, lobby, "I am not alice").seq()).isEqualTo(LIMIT / 2 + 1);
    }

    @Test
    void a_retry_of_a_stored_message_is_confirmed_even_while_rate_limited() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client alice = chat.joined(chat.newUser(), room);
        ChatMessage first = chat.send(alice, room, "t-first", "first");
        sendBurst(chat, alice, room, LIMIT - 1);
        assertRateLimited(chat, alice, room);

        ChatMessage retried = chat.send(alice, room, "t-first", "first");

        assertThat(retried.id()).isEqualTo(first.id());
        assertThat(retried.seq()).isEqualTo(1);
        assertThat(chat.stored(room)).isEqualTo(LIMIT);
        assertThat(alice.sink().seqs()).isEqualTo(seqRange(1, LIMIT));
    }

    @Test
    void retries_of_a_stored_message_do_not_use_up_the_rate_limit() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client alice = chat.joined(chat.newUser(), room);
        chat.send(alice, room, "t-flaky", "sent over a flaky network");
        for (int i = 0; i < LIMIT; i++) {
            chat.send(alice, room, "t-flaky", "sent over a flaky network");
        }

        ChatMessage next = chat.send(alice, room, "only my second message");

        assertThat(next.seq()).isEqualTo(2);
    }

    @Test
    void rejected_messages_do_not_use_up_the_rate_limit() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client alice = chat.joined(chat.newUser(), room);
        for (int i = 0; i < LIMIT; i++) {
            assertInvalid(() -> chat.send(alice, room, " "), "text");
        }

        sendBurst(chat, alice, room, LIMIT);

        assertThat(chat.stored(room)).isEqualTo(LIMIT);
    }

    @Test
    void sends_the_store_refuses_do_not_use_up_the_rate_limit() {
        ChatScenario chat = ChatScenario.withBus(DeletionsLostBus::new); // so that alice stays in the deleted room
        RoomName gone = chat.publicRoom();
        RoomName kept = chat.publicRoom();
        Identity identity = chat.newUser();
        Client alice = chat.joined(identity, gone);
        Client aliceElsewhere = chat.joined(identity, kept);
        chat.ports.rooms().delete(gone); // unheard of here: alice is still a member of it

        for (int i = 0; i < LIMIT; i++) {
            Throwable refused = catchThrowable(() -> chat.send(alice, gone, "into a room that is gone"));
            assertThat(refused).isInstanceOf(ChatException.NotFound.class);
        }
        sendBurst(chat, aliceElsewhere, kept, LIMIT);

        assertThat(chat.stored(kept)).isEqualTo(LIMIT);
    }

    @Test
    @Timeout(30)
    void a_hundred_concurrent_sends_reach_every_member_exactly_once_in_seq_order() throws Exception {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        List<Client> senders = new ArrayList<>();
        for (int user = 0; user < 10; user++) {
            Identity identity = chat.newUser();
            senders.add(chat.joined(identity, room));
            senders.add(chat.joined(identity, room));
        }
        Client listener = chat.joined(chat.newUser(), room);
        int perConnection = 5;

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Client sender : senders) {
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perConnection; i++) {
                        chat.send(sender, room, sender.connection().id() + " says " + i);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        int total = senders.size() * perConnection;
        assertThat(chat.stored(room)).isEqualTo(total);
        List<Client> everybody = new ArrayList<>(senders);
        everybody.add(listener);
        for (Client member : everybody) {
            assertThat(member.sink().seqs()).as(member.connection().toString()).isEqualTo(seqRange(1, total));
        }
    }
}
