package io.chillin.chat.adapter.javalin;

import static io.chillin.chat.adapter.javalin.EdgeHarness.frame;
import static io.chillin.chat.adapter.javalin.EdgeHarness.isType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A connection's sends are started without waiting for the store (a burst shares one commit) and answered in the
 * order they came, as every frame is; the instance takes only {@code sendsInFlight} sends at once and refuses the
 * next at once, in its turn, storing nothing of it. docs/ARCHITECTURE.md, "A send from socket to socket".
 */
class SendPipelineTest {

    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private final AtomicInteger started = new AtomicInteger();

    @Test
    void a_burst_of_sends_is_started_at_once_and_every_answer_comes_in_the_order_of_the_frames() {
        try (EdgeHarness edge = start(EdgeConfig.defaults(Set.of()))) {
            String room = TestNames.unique("burst ");
            EdgeHarness.Client alice = guestIn(edge, room, "al_");

            for (int i = 0; i < 4; i++) {
                alice.send(send(room, "s" + i));
            }
            alice.send(frame("type", "sendMessage", "ref", "bad", "room", room, "tempId", "bad", "text", ""));
            alice.send(frame("type", "ping", "ref", "p"));
            assertThat(EdgeHarness.eventually(() -> started.get() == 4, EdgeHarness.PATIENCE))
                    .as("all four sends reached the store before the first was stored: %s started", started).isTrue();
            assertNoAnswerYet(alice, "no answer overtakes the stalled sends");
            released.complete(null);

            List<JsonNode> answers = answers(alice, 6);
            for (int i = 0; i < 4; i++) {
                assertThat(isType(answers.get(i), "messageConfirmed")).as("%s", answers.get(i)).isTrue();
                assertThat(answers.get(i).path("ref").asText()).isEqualTo("s" + i);
                assertThat(answers.get(i).path("seq").asLong()).as("stored in the order sent").isEqualTo(i + 1);
            }
            assertThat(answers.get(4).path("ref").asText()).isEqualTo("bad");
            assertThat(answers.get(4).path("code").asText()).isEqualTo("VALIDATION");
            assertThat(answers.get(5).path("ref").asText()).isEqualTo("p");
            assertThat(isType(answers.get(5), "pong")).isTrue();
        }
    }

    @Test
    void past_the_sends_in_flight_a_send_is_refused_at_once_in_its_turn_and_nothing_of_it_is_stored() {
        try (EdgeHarness edge = start(EdgeConfig.defaults(Set.of()).withSendsInFlight(2))) {
            String room = TestNames.unique("full ");
            EdgeHarness.Client alice = guestIn(edge, room, "al_");
            EdgeHarness.Client bob = guestIn(edge, room, "bo_");

            alice.send(send(room, "a0")).send(send(room, "a1"));
            assertThat(EdgeHarness.eventually(() -> started.get() == 2, EdgeHarness.PATIENCE)).isTrue();
            bob.send(send(room, "b0"));
            JsonNode refused = bob.nextMatching(f -> "b0".equals(f.path("ref").asText()), "bob's refusal");
            assertThat(refused.path("code").asText()).as("%s", refused).isEqualTo("UNAVAILABLE");
            assertThat(refused.path("retryAfter").asLong()).isPositive();
            alice.send(send(room, "a2"));
            assertNoAnswerYet(alice, "alice's refusal waits for her earlier answers");
            released.complete(null);

            List<JsonNode> answers = answers(alice, 3);
            assertThat(answers).extracting(a -> a.path("ref").asText()).containsExactly("a0", "a1", "a2");
            assertThat(isType(answers.get(0), "messageConfirmed") && isType(answers.get(1), "messageConfirmed")).isTrue();
            assertThat(answers.get(2).path("code").asText()).isEqualTo("UNAVAILABLE");
            bob.send(send(room, "b1"));
            JsonNode later = bob.nextMatching(f -> "b1".equals(f.path("ref").asText()), "bob's next send");
            assertThat(isType(later, "messageConfirmed")).as("%s", later).isTrue();
            assertThat(later.path("seq").asLong()).as("the refused sends were not stored").isEqualTo(3);
            assertThat(started.get()).isEqualTo(3);
        }
    }

    @Test
    void a_binary_frame_is_refused_in_its_turn_after_the_send_before_it() {
        try (EdgeHarness edge = start(EdgeConfig.defaults(Set.of()))) {
            String room = TestNames.unique("bin ");
            EdgeHarness.Client alice = guestIn(edge, room, "al_");

            alice.send(send(room, "s0")).sendBinary(new byte[] {1, 2, 3});
            assertNoAnswerYet(alice, "the binary frame's error waits for the send");
            released.complete(null);

            List<JsonNode> answers = answers(alice, 2);
            assertThat(isType(answers.get(0), "messageConfirmed")).as("%s", answers).isTrue();
            assertThat(answers.get(1).path("code").asText()).as("%s", answers).isEqualTo("MALFORMED");
        }
    }

    private static EdgeHarness.Client guestIn(EdgeHarness edge, String room, String namePrefix) {
        EdgeHarness.Client client = edge.connect();
        client.join(room, TestNames.unique(namePrefix));
        return client;
    }

    private EdgeHarness start(EdgeConfig config) {
        return EdgeHarness.start(config, EdgeHarness.NO_MESSAGE_LIMIT,
                ports -> ports.withStores(ports.users(), ports.rooms(), queueing(ports.messages())));
    }

    private static String send(String room, String ref) {
        return frame("type", "sendMessage", "ref", ref, "room", room, "tempId", ref, "text", "text of " + ref);
    }

    /** For a moment, no direct answer arrives (the room's events may). */
    private static void assertNoAnswerYet(EdgeHarness.Client client, String why) {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < until) {
            JsonNode next = client.poll(Duration.ofMillis(50));
            assertThat(next != null && isAnswer(next)).as("%s: %s", why, next).isFalse();
        }
    }

    private static boolean isAnswer(JsonNode frame) {
        return frame.has("ref") || isType(frame, "error");
    }

    /** The next {@code n} direct answers (frames with a ref or an error), the room's events skipped. */
    private static List<JsonNode> answers(EdgeHarness.Client client, int n) {
        List<JsonNode> answers = new ArrayList<>();
        while (answers.size() < n) {
            JsonNode next = client.next();
            if (isAnswer(next)) {
                answers.add(next);
            }
        }
        return answers;
    }

    /**
     * The in-memory store behind a queue: a started append returns at once and is stored only once released, as
     * the group commit stores what has gathered once the database answers.
     */
    private MessageStore queueing(MessageStore inner) {
        return (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(),
                new Class<?>[] {MessageStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("start")) {
                        started.incrementAndGet();
                        NewMessage message = (NewMessage) args[0];
                        return new MessageStore.StartedAppend() {
                            @Override
                            public MessageStore.Appended await() {
                                released.orTimeout(30, TimeUnit.SECONDS).join();
                                return inner.append(message);
                            }

                            @Override
                            public void whenDone(Runnable then) {
                                released.thenRun(then);
                            }
                        };
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
