package io.chillin.chat.adapter.javalin;

import static io.chillin.chat.adapter.javalin.EdgeHarness.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eclipse.jetty.websocket.core.OpCode.CLOSE;
import static org.eclipse.jetty.websocket.core.OpCode.TEXT;

import io.chillin.chat.application.contract.TestNames;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client that keeps sending while hundreds of its frames wait for an answer is closed with 1008 as RFC 6455 has
 * it: the server sends its close frame, goes on reading (and ignoring) what the client still sends, and closes the
 * TCP connection once the client has answered. Closing it at once would meet the client's frames still on their
 * way: the kernel then resets the connection, the client's next write fails, and a client that gives up on a failed
 * write never reads the close frame waiting for it (the JDK's client reports "Broken pipe" instead of 1008).
 */
class FloodCloseTest {

    private static final int FRAMES_AFTER_THE_CLOSE = 200;

    @Test
    void a_flooder_still_sending_after_the_policy_close_is_not_reset_and_is_closed_once_it_answers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (EdgeHarness edge = EdgeHarness.start(EdgeConfig.defaults(Set.of()), EdgeHarness.NO_MESSAGE_LIMIT,
                ports -> ports.withStores(ports.users(), ports.rooms(),
                        StaleSendTest.stalling(ports.messages(), release)));
             RawSocket flooder = RawSocket.open(edge.server().port())) {
            String room = TestNames.unique("flood ");
            flooder.sendText(TEXT, true, frame("type", "join", "ref", "j", "room", room, "name", TestNames.unique("fl_")));
            // The append stalls: every frame behind it waits for an answer.
            flooder.sendText(TEXT, true, frame("type", "sendMessage", "ref", "s", "room", room, "tempId", "s",
                    "text", "stalls"));
            CompletableFuture<RawSocket.Received> close = CompletableFuture.supplyAsync(() -> {
                try {
                    RawSocket.Received frame = flooder.read();
                    while (frame.opcode() != CLOSE) {
                        frame = flooder.read();
                    }
                    return frame;
                } catch (Exception e) {
                    throw new AssertionError("no close frame", e);
                }
            });

            int sent = 0;
            while (!close.isDone() && sent < 100_000) {
                flooder.sendText(TEXT, true, ping(sent++));
            }
            RawSocket.Received closeFrame = close.get(EdgeHarness.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(closeFrame.closeCode()).as("close: %s", closeFrame.text()).isEqualTo(1008);
            assertThat(sent).isGreaterThan(256);

            // A client's frames may cross the close: the server reads them, answers none, and resets nothing.
            for (int i = 0; i < FRAMES_AFTER_THE_CLOSE; i++) {
                flooder.sendText(TEXT, true, ping(sent + i));
                Thread.sleep(1);
            }
            flooder.send(CLOSE, true, ByteBuffer.allocate(2).putShort((short) 1008).array());
            assertThatThrownBy(flooder::read).as("the server closes the connection after the client's answer")
                    .isInstanceOf(EOFException.class);
        } finally {
            release.countDown();
        }
    }

    private static String ping(int n) {
        return "{\"type\":\"ping\",\"ref\":\"p" + n + "\"}";
    }
}
