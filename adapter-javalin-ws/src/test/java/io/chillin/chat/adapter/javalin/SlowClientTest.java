package io.chillin.chat.adapter.javalin;

import static io.chillin.chat.adapter.javalin.EdgeHarness.PATIENCE;
import static io.chillin.chat.adapter.javalin.EdgeHarness.frame;
import static io.chillin.chat.adapter.javalin.EdgeHarness.isType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.adapter.javalin.EdgeHarness.Client;
import io.chillin.chat.application.contract.TestNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A member that stops reading must cost the room nothing: its bounded outbound queue fills, the
 * server drops it, and everybody else carries on (ARCHITECTURE.md, "Performance by design").
 */
class SlowClientTest {

    private static final int QUEUE_FRAMES = 64;
    /**
     * The sender waits for itself and the healthy member to be at most this many messages behind, so
     * only the slow one lags: at most 2 x PACE messages (4 x PACE frames for the sender) are ever
     * waiting for a member that reads, a quarter of its queue.
     */
    private static final int PACE = 4;
    /**
     * 500-character messages make ~700-byte frames: 20 000 of them (~14 MB) are several times what the
     * loopback socket buffers of the slow member can absorb (about 4 MB here).
     */
    private static final int MAX_MESSAGES = 20_000;
    /** Messages sent after the slow member is gone, to show the room still flows. */
    private static final int AFTER_DROP = 200;
    /**
     * A dead reader is let go within seconds of its queue filling up: not only when some idle or
     * write timeout (30 s in Jetty and in the outbox writer) happens to fire.
     */
    private static final Duration DROP_WITHIN = Duration.ofSeconds(10);

    @Test
    void member_that_stops_reading_is_disconnected_while_the_room_keeps_flowing_in_order() {
        EdgeConfig config = EdgeConfig.defaults(Set.of()).withOutboundQueueFrames(QUEUE_FRAMES);
        try (EdgeHarness edge = EdgeHarness.start(config, EdgeHarness.NO_MESSAGE_LIMIT)) {
            String room = TestNames.unique("slow ");
            String slowName = TestNames.unique("slow_");
            Client healthy = edge.connect();
            Client sender = edge.connect();
            Client slow = edge.connectReadingOnly(3);
            healthy.join(room, TestNames.unique("ok_"));
            sender.join(room, TestNames.unique("tx_"));
            slow.join(room, slowName);
            assertThat(edge.server().openConnections()).isEqualTo(3);

            String text = "x".repeat(480);
            int sent = 0;
            int droppedAfter = -1;
            long droppedAt = 0;
            long floodStart = System.nanoTime();
            long deadline = floodStart + TimeUnit.SECONDS.toNanos(90);
            while (sent < MAX_MESSAGES && System.nanoTime() < deadline
                    && (droppedAfter < 0 || sent < droppedAfter + AFTER_DROP)) {
                sender.send(frame("type", "sendMessage", "room", room, "tempId", "t" + sent, "text", text + " " + sent));
                sent++;
                if (sent % PACE == 0) {
                    int due = sent - PACE;
                    assertThat(EdgeHarness.eventually(() -> healthy.userMessagesReceived() >= due
                            && sender.userMessagesReceived() >= due, PATIENCE))
                            .as("the healthy member and the sender keep receiving (they have %d and %d of %d)",
                                    healthy.userMessagesReceived(), sender.userMessagesReceived(), due)
                            .isTrue();
                    if (droppedAfter < 0 && edge.server().openConnections() == 2) {
                        droppedAfter = sent;
                        droppedAt = System.nanoTime();
                    }
                }
            }
            int total = sent;
            // the sender gets each confirmation before its own copy of the message, so this waits for every confirmation too
            assertThat(EdgeHarness.eventually(() -> healthy.userMessagesReceived() >= total
                    && sender.userMessagesReceived() >= total, PATIENCE)).isTrue();
            if (droppedAfter < 0) {
                // the flood is over; give the server until 20 s after it began, without reading for the slow member
                Duration left = Duration.ofNanos(Math.max(0, floodStart + TimeUnit.SECONDS.toNanos(20) - System.nanoTime()));
                if (edge.awaitOpenConnections(2, left)) {
                    droppedAt = System.nanoTime();
                }
            }

            List<JsonNode> healthyFrames = healthy.drain();
            List<JsonNode> senderFrames = sender.drain();
            slow.resumeReading();
            boolean slowClosed = EdgeHarness.eventually(slow::isClosed, Duration.ofSeconds(45));
            int lastSlowSeq = (int) slow.drain().stream().filter(EdgeHarness::isUserMessage)
                    .mapToLong(f -> f.path("message").path("seq").asLong()).max().orElse(0);
            // its queue was surely full once the room had got this far past the last frame it took
            long queueFullAt = healthy.arrivalOfUserMessage(Math.min(total, lastSlowSeq + QUEUE_FRAMES + 2 * PACE));
            Duration dropDelay = droppedAt == 0 ? null : Duration.ofNanos(droppedAt - queueFullAt);
            int droppedAfterMessage = droppedAfter;

            assertSoftly(soft -> {
                soft.assertThat(seqsOf(healthyFrames))
                        .as("the healthy member gets every message exactly once, in seq order")
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
                soft.assertThat(confirmedTempIds(senderFrames))
                        .as("the sender is never held up: every send is confirmed, in order")
                        .containsExactlyElementsOf(IntStream.range(0, total).mapToObj(i -> "t" + i).toList());
                soft.assertThat(dropDelay)
                        .as("the non-reading member (last frame taken: message %d of %d) is disconnected (open connections"
                                + " 3 -> 2) within 20 s of the flood's start; dropped after message %d",
                                lastSlowSeq, total, droppedAfterMessage)
                        .isNotNull();
                if (dropDelay != null) {
                    soft.assertThat(dropDelay).as("time from its queue filling up to its removal")
                            .isLessThanOrEqualTo(DROP_WITHIN);
                }
                soft.assertThat(systemNotices(healthyFrames)).as("the others learn that the slow member left")
                        .contains(slowName + " left the room");
                soft.assertThat(slowClosed).as("the slow member's connection is closed by the server").isTrue();
                soft.assertThat(edge.server().openConnections()).isEqualTo(2);
            });
        }
    }

    @Test
    void typing_is_never_answered_with_an_error_when_members_are_dropped_mid_broadcast() {
        // Six members stop reading; a bulk sender's long messages fill their sockets while the typist's
        // notices are fanned out to the room, so some are dropped in the middle of a typing broadcast.
        // Every typing frame is relayed here: with the default interval almost none would be broadcast.
        EdgeConfig config = EdgeConfig.defaults(Set.of()).withOutboundQueueFrames(16);
        try (EdgeHarness edge = EdgeHarness.start(config, EdgeHarness.NO_MESSAGE_LIMIT.withTypingInterval(Duration.ZERO))) {
            String room = TestNames.unique("burst ");
            Client typist = edge.connect();
            typist.join(room, TestNames.unique("ty_"));
            Client bulk = edge.connect();
            bulk.join(room, TestNames.unique("bk_"));
            for (int i = 0; i < 6; i++) {
                edge.connectReadingOnly(3).join(room, TestNames.unique("rd_"));
            }
            String text = "x".repeat(480);
            List<JsonNode> typistFrames = new ArrayList<>();
            int frames = 0;
            while (edge.server().openConnections() > 4 && frames < MAX_MESSAGES) {
                bulk.send(frame("type", "sendMessage", "room", room, "tempId", "b" + frames, "text", text));
                typist.send(frame("type", frames % 2 == 0 ? "typing" : "stopTyping", "room", room));
                frames++;
                if (frames % 4 == 0) {
                    // typing has no reply; ping round trips keep the frames in flight to the readers bounded
                    String ref = "p" + frames;
                    typist.send(frame("type", "ping", "ref", ref));
                    JsonNode reply;
                    do {
                        reply = typist.next();
                        typistFrames.add(reply);
                    } while (!(isType(reply, "pong") && ref.equals(reply.path("ref").asText())));
                    bulk.assertAnswersPing("b" + frames);
                }
            }
            typist.assertAnswersPing("last");
            typistFrames.addAll(typist.drain());
            int open = edge.server().openConnections();

            assertThat(open).as("the bursts overflowed some readers (else this test proves nothing)").isLessThan(8);
            assertThat(typistFrames.stream().filter(f -> isType(f, "error")).toList())
                    .as("typing gets no reply, not even when a reader is dropped mid-broadcast").isEmpty();
            String lateName = TestNames.unique("late_");
            Client late = edge.connect();
            late.join(room, lateName);
            assertThat(late.next().path("message").path("text").asText()).isEqualTo(lateName + " joined the room");
            typist.send(frame("type", "typing", "room", room));
            late.nextMatching(f -> isType(f, "userTyping"), "userTyping after the drops");
        }
    }

    private static List<String> systemNotices(List<JsonNode> frames) {
        return frames.stream().filter(f -> isType(f, "message") && "system".equals(f.path("message").path("kind").asText()))
                .map(f -> f.path("message").path("text").asText()).toList();
    }

    private static List<Long> seqsOf(List<JsonNode> frames) {
        return frames.stream().filter(EdgeHarness::isUserMessage)
                .map(f -> f.path("message").path("seq").asLong()).toList();
    }

    private static List<String> confirmedTempIds(List<JsonNode> frames) {
        return frames.stream().filter(f -> isType(f, "messageConfirmed") || isType(f, "error"))
                .map(f -> isType(f, "error") ? f.toString() : f.path("tempId").asText()).toList();
    }
}
