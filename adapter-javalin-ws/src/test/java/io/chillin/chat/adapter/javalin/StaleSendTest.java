package io.chillin.chat.adapter.javalin;

import static io.chillin.chat.adapter.javalin.EdgeHarness.frame;
import static io.chillin.chat.adapter.javalin.EdgeHarness.isType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Optional;
import java.util.Set;
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
                ports -> ports.withStores(ports.users(), ports.rooms(), new StallingStore(ports.messages(), release)))) {
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

    /** The in-memory store, except that the first append waits until released. */
    private static final class StallingStore implements MessageStore {
        private final MessageStore inner;
        private final CountDownLatch release;

        StallingStore(MessageStore inner, CountDownLatch release) {
            this.inner = inner;
            this.release = release;
        }

        @Override
        public Appended append(NewMessage message) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return inner.append(message);
        }

        @Override
        public Optional<ChatMessage> findByTempId(RoomName room, String authorKey, TempId tempId) {
            return inner.findByTempId(room, authorKey, tempId);
        }

        @Override
        public List<ChatMessage> latest(RoomName room, int limit) {
            return inner.latest(room, limit);
        }

        @Override
        public List<ChatMessage> before(RoomName room, long beforeSeq, int limit) {
            return inner.before(room, beforeSeq, limit);
        }

        @Override
        public List<ChatMessage> after(RoomName room, long afterSeq, int limit) {
            return inner.after(room, afterSeq, limit);
        }

        @Override
        public long lastSeq(RoomName room) {
            return inner.lastSeq(room);
        }

        @Override
        public Optional<ChatMessage> find(RoomName room, long seq) {
            return inner.find(room, seq);
        }

        @Override
        public List<ChatMessage> changedAfter(RoomName room, long afterRev, int limit) {
            return inner.changedAfter(room, afterRev, limit);
        }

        @Override
        public Position position(RoomName room) {
            return inner.position(room);
        }

        @Override
        public Changed change(RoomName room, long seq, Change change) {
            return inner.change(room, seq, change);
        }

        @Override
        public OptionalLong markRead(RoomName room, String identityKey, long seq) {
            return inner.markRead(room, identityKey, seq);
        }

        @Override
        public Map<String, Unread> unread(Collection<RoomName> rooms, String identityKey, Username reader) {
            return inner.unread(rooms, identityKey, reader);
        }
    }
}
