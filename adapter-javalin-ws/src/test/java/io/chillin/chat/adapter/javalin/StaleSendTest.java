package io.chillin.chat.adapter.javalin;

import static io.chillin.chat.adapter.javalin.EdgeHarness.frame;
import static io.chillin.chat.adapter.javalin.EdgeHarness.isType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.MessageStore;
import java.util.Set;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When the store falls behind, a send that has waited behind the connection's earlier frames is refused at once
 * with UNAVAILABLE and retryAfter, and nothing of it is stored; it is not confirmed seconds later.
 */
class StaleSendTest {

    @Test
    void sends_queued_behind_a_stalled_store_are_refused_unstored_and_later_ones_go_through() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (EdgeHarness edge = EdgeHarness.start(EdgeConfig.defaults(Set.of()), EdgeHarness.NO_MESSAGE_LIMIT,
                ports -> ports.withStores(ports.users(), ports.rooms(), stalling(ports.messages(), release)))) {
            String room = TestNames.unique("stall ");
            EdgeHarness.Client alice = edge.connect();
            alice.join(room, TestNames.unique("al_"));

            alice.send(frame("type", "sendMessage", "ref", "first", "room", room, "tempId", "stalls", "text", "stalls"));
            for (int i = 0; i < 3; i++) {
                alice.send(frame("type", "sendMessage", "ref", "q" + i, "room", room, "tempId", "q" + i, "text", "queued " + i));
            }
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(ChatSocket.SEND_STALE_AFTER_NANOS) + 500);
            release.countDown();

            JsonNode first = alice.nextMatching(f -> "first".equals(f.path("ref").asText()), "the stalled send's answer");
            assertThat(isType(first, "messageConfirmed")).as("%s", first).isTrue();
            for (int i = 0; i < 3; i++) {
                String ref = "q" + i;
                JsonNode answer = alice.nextMatching(f -> ref.equals(f.path("ref").asText()), "answer to " + ref);
                assertThat(answer.path("code").asText()).as("%s", answer).isEqualTo("UNAVAILABLE");
                assertThat(answer.path("retryAfter").asLong()).isPositive();
            }
            alice.send(frame("type", "sendMessage", "ref", "later", "room", room, "tempId", "later", "text", "later"));
            JsonNode later = alice.nextMatching(f -> "later".equals(f.path("ref").asText()), "a fresh send's answer");
            assertThat(isType(later, "messageConfirmed")).as("%s", later).isTrue();
            assertThat(later.path("seq").asLong()).as("the refused sends were not stored").isEqualTo(2);
        }
    }

    /**
     * The in-memory store, except that an append waits until released, also when only started (a store that cannot
     * queue appends): a proxy, so that it keeps up with the port without a method of its own for each.
     */
    static MessageStore stalling(MessageStore inner, CountDownLatch release) {
        return (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(),
                new Class<?>[] {MessageStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("append") || method.getName().equals("start")) {
                        release.await(30, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
