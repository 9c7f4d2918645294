package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.jetty.websocket.core.OpCode.BINARY;
import static org.eclipse.jetty.websocket.core.OpCode.CLOSE;
import static org.eclipse.jetty.websocket.core.OpCode.CONTINUATION;
import static org.eclipse.jetty.websocket.core.OpCode.PING;
import static org.eclipse.jetty.websocket.core.OpCode.PONG;
import static org.eclipse.jetty.websocket.core.OpCode.TEXT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The socket's frames as RFC 6455 allows a client to send them, taken apart and put together by the edge itself
 * ({@link SocketFrames}): fragments make one message even with a ping between them, pings are answered with their
 * payload, binary frames are refused, invalid UTF-8 closes with 1007 and a message over the limit with 1009, however it
 * is split. Each case leaves the other connections alone.
 */
class WebSocketFramesTest {

    @Test
    void a_message_in_fragments_with_a_ping_between_them_is_one_frame_of_the_protocol() throws Exception {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults(); RawSocket raw = RawSocket.open(edge.server().port())) {
            raw.sendText(TEXT, false, "{\"type\":\"pi");
            raw.send(PING, true, "are you there".getBytes(StandardCharsets.UTF_8));
            raw.sendText(CONTINUATION, false, "ng\",\"ref\":\"frag");
            raw.sendText(CONTINUATION, true, "mented-é\"}");

            RawSocket.Received pong = raw.readSkippingPings();
            assertThat(pong.opcode()).isEqualTo(PONG);
            assertThat(pong.text()).isEqualTo("are you there");
            JsonNode reply = EdgeHarness.JSON.readTree(raw.readSkippingPings().text());
            assertThat(reply.path("type").asText()).isEqualTo("pong");
            assertThat(reply.path("ref").asText()).isEqualTo("fragmented-é");
        }
    }

    @Test
    void a_binary_message_is_refused_with_an_error_and_the_socket_stays_usable() throws Exception {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults(); RawSocket raw = RawSocket.open(edge.server().port())) {
            raw.send(BINARY, false, new byte[] {1, 2});
            raw.send(CONTINUATION, true, new byte[] {3});

            JsonNode error = EdgeHarness.JSON.readTree(raw.readSkippingPings().text());
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("code").asText()).isEqualTo("MALFORMED");

            raw.sendText(TEXT, true, "{\"type\":\"ping\",\"ref\":\"after\"}");
            assertThat(EdgeHarness.JSON.readTree(raw.readSkippingPings().text()).path("ref").asText()).isEqualTo("after");
        }
    }

    @Test
    void invalid_utf8_closes_that_socket_with_1007_and_nobody_elses() throws Exception {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults();
             RawSocket bystander = RawSocket.open(edge.server().port());
             RawSocket raw = RawSocket.open(edge.server().port())) {
            raw.send(TEXT, false, "{\"type\":\"ping\",\"ref\":\"".getBytes(StandardCharsets.UTF_8));
            raw.send(CONTINUATION, true, new byte[] {(byte) 0xC3, (byte) 0x28, '"', '}'});

            RawSocket.Received close = raw.readSkippingPings();
            assertThat(close.opcode()).isEqualTo(CLOSE);
            assertThat(close.closeCode()).isEqualTo(1007);
            assertBystanderAnswers(bystander);
        }
    }

    @Test
    void a_message_over_the_limit_closes_with_1009_even_when_each_fragment_is_small() throws Exception {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults();
             RawSocket bystander = RawSocket.open(edge.server().port());
             RawSocket raw = RawSocket.open(edge.server().port())) {
            byte[] kilobyte = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
            raw.send(TEXT, false, kilobyte);
            // 16 KiB is the limit: the seventeenth fragment passes it
            for (int i = 0; i < 17; i++) {
                raw.send(CONTINUATION, false, kilobyte);
            }
            RawSocket.Received answer = raw.readSkippingPings();
            assertThat(answer.opcode()).isEqualTo(CLOSE);
            assertThat(answer.closeCode()).isEqualTo(1009);
            assertBystanderAnswers(bystander);
        }
    }

    private static void assertBystanderAnswers(RawSocket bystander) throws Exception {
        bystander.sendText(TEXT, true, "{\"type\":\"ping\",\"ref\":\"still\"}");
        assertThat(EdgeHarness.JSON.readTree(bystander.readSkippingPings().text()).path("ref").asText())
                .isEqualTo("still");
    }
}
