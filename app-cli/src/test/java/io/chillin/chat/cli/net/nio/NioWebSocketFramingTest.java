package io.chillin.chat.cli.net.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.cli.net.WsConnection;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The NIO client against a scripted server that sends what real servers seldom do: fragments with a ping between
 * them, a close with a code of its own, frames split at every byte, broken handshakes and frames, and no reading.
 */
class NioWebSocketFramingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final NioWebSocketClient client = new NioWebSocketClient(1);

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void the_upgrade_asks_for_websocket_version_13_and_offers_no_extension() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            client.open(URI.create(server.url() + "?token=a%20b"), TIMEOUT, new Received());
            try (ScriptedServer.Peer peer = server.accept()) {
                assertThat(peer.request()).startsWith("GET /ws?token=a%20b HTTP/1.1\r\n")
                        .containsIgnoringCase("\r\nUpgrade: websocket\r\n").containsIgnoringCase("\r\nConnection: Upgrade\r\n")
                        .contains("\r\nSec-WebSocket-Version: 13\r\n").contains("\r\nHost: 127.0.0.1:")
                        .doesNotContainIgnoringCase("Sec-WebSocket-Extensions").doesNotContainIgnoringCase("Origin:");
                assertThat(Base64.getDecoder().decode(peer.key())).as("a 16-byte nonce").hasSize(16);
            }
        }
    }

    @Test
    void a_fragmented_text_with_a_ping_between_its_fragments_arrives_whole_and_the_ping_is_answered() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            Received received = new Received();
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, received);
            try (ScriptedServer.Peer peer = server.accept().upgrade()) {
                opening.get(10, TimeUnit.SECONDS);
                peer.send(false, 0x1, bytes("{\"type\":\"mess"))
                        .send(true, 0x9, bytes("are you there"))
                        .send(false, 0x0, bytes("age\",\"n\":"))
                        .send(true, 0x0, bytes("1}"));

                ScriptedServer.Frame pong = peer.readFrame();
                assertThat(pong.opcode()).isEqualTo(0xA);
                assertThat(pong.masked()).as("every client frame is masked").isTrue();
                assertThat(pong.text()).isEqualTo("are you there");
                assertThat(received.next()).isEqualTo("{\"type\":\"message\",\"n\":1}");
            }
        }
    }

    @Test
    void a_text_the_client_sends_is_one_masked_final_frame() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, new Received());
            try (ScriptedServer.Peer peer = server.accept().upgrade()) {
                NioWebSocket socket = opening.get(10, TimeUnit.SECONDS);
                String big = "é".repeat(40_000); // 80,000 bytes: a 64-bit length
                assertThat(socket.sendText("{\"type\":\"ping\"}")).isTrue();
                assertThat(socket.sendText(big)).isTrue();

                ScriptedServer.Frame small = peer.readFrame();
                assertThat(small.fin()).isTrue();
                assertThat(small.masked()).isTrue();
                assertThat(small.opcode()).isEqualTo(0x1);
                assertThat(small.text()).isEqualTo("{\"type\":\"ping\"}");
                assertThat(peer.readFrame().text()).isEqualTo(big);
            }
        }
    }

    @Test
    void frames_split_at_every_byte_and_a_message_larger_than_a_read_arrive_whole() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            Received received = new Received();
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, received);
            try (ScriptedServer.Peer peer = server.accept()) {
                String large = "{\"text\":\"" + "x".repeat(300_000) + "\"}";
                byte[] frames = concat(ScriptedServer.Peer.frame(true, 0x1, bytes("{\"a\":1}")),
                        ScriptedServer.Peer.frame(true, 0x1, bytes("{\"b\":" + "2".repeat(200) + "}")));
                peer.upgrade();
                opening.get(10, TimeUnit.SECONDS);
                for (byte b : frames) {
                    peer.raw(new byte[] {b});
                }
                peer.raw(ScriptedServer.Peer.frame(true, 0x1, bytes(large)));

                assertThat(received.next()).isEqualTo("{\"a\":1}");
                assertThat(received.next()).isEqualTo("{\"b\":" + "2".repeat(200) + "}");
                assertThat(received.next()).isEqualTo(large);
            }
        }
    }

    @Test
    void frames_that_come_with_the_upgrade_answer_are_not_lost() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            Received received = new Received();
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, received);
            try (ScriptedServer.Peer peer = server.accept()) {
                byte[] head = ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + ScriptedServer.Peer.accept(peer.key()) + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                peer.raw(concat(head, ScriptedServer.Peer.frame(true, 0x1, bytes("{\"first\":true}"))));

                opening.get(10, TimeUnit.SECONDS);
                assertThat(received.next()).isEqualTo("{\"first\":true}");
            }
        }
    }

    @Test
    void a_close_from_the_server_is_answered_with_its_code_and_reported_with_its_reason() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            Received received = new Received();
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, received);
            try (ScriptedServer.Peer peer = server.accept().upgrade()) {
                NioWebSocket socket = opening.get(10, TimeUnit.SECONDS);
                peer.sendClose(4001, "session ended");

                ScriptedServer.Frame answer = peer.readFrame();
                assertThat(answer.opcode()).isEqualTo(0x8);
                assertThat(answer.closeCode()).isEqualTo(4001);
                assertThat(socket.isOpen()).isFalse();
                assertThat(socket.sendText("{}")).as("nothing is sent after a close").isFalse();
                peer.close(); // the server closes the TCP connection first, as RFC 6455 wants it
                assertThat(received.close()).isEqualTo(new Received.Close(4001, "session ended"));
                assertThat(socket.closed().get(10, TimeUnit.SECONDS)).isEqualTo(4001);
            }
        }
    }

    @Test
    void a_close_from_the_client_sends_1000_and_waits_for_the_server_to_end_the_connection() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, new Received());
            try (ScriptedServer.Peer peer = server.accept().upgrade()) {
                NioWebSocket socket = opening.get(10, TimeUnit.SECONDS);
                CompletableFuture<Integer> closed = socket.closeAsync();

                ScriptedServer.Frame close = peer.readFrame();
                assertThat(close.opcode()).isEqualTo(0x8);
                assertThat(close.closeCode()).isEqualTo(CloseCodes.NORMAL);
                assertThat(close.masked()).isTrue();
                peer.sendClose(1000, "");
                Thread.sleep(200);
                assertThat(closed).as("the server has not closed its end yet").isNotDone();
                peer.close();
                assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            }
        }
    }

    @Test
    void a_masked_frame_from_the_server_fails_the_connection_with_a_protocol_error() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            Received received = new Received();
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, received);
            try (ScriptedServer.Peer peer = server.accept().upgrade()) {
                opening.get(10, TimeUnit.SECONDS);
                peer.raw(new byte[] {(byte) 0x81, (byte) 0x82, 1, 2, 3, 4, 'h' ^ 1, 'i' ^ 2});

                ScriptedServer.Frame close = peer.readFrame();
                assertThat(close.opcode()).isEqualTo(0x8);
                assertThat(close.closeCode()).isEqualTo(CloseCodes.PROTOCOL_ERROR);
                assertThat(received.close().code()).isEqualTo(CloseCodes.ABNORMAL);
                assertThat(received.close().reason()).contains("masked");
                assertThat(peer.clientClosed()).isTrue();
            }
        }
    }

    @Test
    void an_upgrade_answered_with_another_status_is_refused_with_that_status() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, new Received());
            try (ScriptedServer.Peer peer = server.accept()) {
                peer.answer("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");

                assertThatThrownBy(() -> opening.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(WsConnection.Refused.class)
                        .satisfies(e -> assertThat(((WsConnection.Refused) e).status()).isEqualTo(503));
                assertThat(peer.clientClosed()).isTrue();
            }
        }
    }

    @Test
    void a_101_without_the_right_accept_fails_the_open() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, new Received());
            try (ScriptedServer.Peer peer = server.accept()) {
                peer.answer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + ScriptedServer.Peer.accept("some other key") + "\r\n\r\n");

                assertThatThrownBy(() -> opening.get(10, TimeUnit.SECONDS)).cause()
                        .isInstanceOf(ProtocolException.class).hasMessageContaining("Sec-WebSocket-Accept");
            }
        }
    }

    @Test
    void a_101_that_chooses_an_extension_that_was_not_offered_fails_the_open() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, new Received());
            try (ScriptedServer.Peer peer = server.accept()) {
                peer.answer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + ScriptedServer.Peer.accept(peer.key()) + "\r\n"
                        + "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n");

                assertThatThrownBy(() -> opening.get(10, TimeUnit.SECONDS)).cause()
                        .isInstanceOf(ProtocolException.class).hasMessageContaining("permessage-deflate");
            }
        }
    }

    @Test
    void a_server_that_never_answers_the_upgrade_fails_it_after_the_timeout() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            long start = System.nanoTime();
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), Duration.ofMillis(500),
                    new Received());
            try (ScriptedServer.Peer peer = server.accept()) {
                assertThatThrownBy(() -> opening.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(TimeoutException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(450), Duration.ofSeconds(5));
                assertThat(peer.clientClosed()).isTrue();
            }
        }
    }

    @Test
    void sends_never_wait_for_a_server_that_stopped_reading_and_its_connection_fails_once_the_buffer_is_full()
            throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            Received received = new Received();
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, received);
            try (ScriptedServer.Peer peer = server.accept().upgrade()) {
                NioWebSocket socket = opening.get(10, TimeUnit.SECONDS);
                String text = "x".repeat(1024);
                long slowest = 0;
                int sent = 0;
                long start = System.nanoTime();
                while (socket.sendText(text) && sent < 20_000) {
                    sent++;
                    slowest = Math.max(slowest, System.nanoTime() - start);
                    start = System.nanoTime();
                }

                assertThat(sent).as("about 4 MiB queue, plus what the socket buffers hold").isBetween(1_000, 19_999);
                assertThat(Duration.ofNanos(slowest)).as("the slowest send").isLessThan(Duration.ofMillis(500));
                assertThat(received.close().code()).isEqualTo(CloseCodes.ABNORMAL);
                assertThat(received.close().reason()).contains("does not read");
            }
        }
    }

    @Test
    void a_connection_binds_to_the_source_address_given() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            InetAddress source = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, source, new Received());
            try (ScriptedServer.Peer peer = server.accept().upgrade()) {
                opening.get(10, TimeUnit.SECONDS);

                assertThat(peer.remote().getAddress()).isEqualTo(source);
            }
        }
    }

    @Test
    void closing_the_client_ends_the_connections_it_still_holds() throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            Received received = new Received();
            CompletableFuture<NioWebSocket> opening = client.open(URI.create(server.url()), TIMEOUT, received);
            try (ScriptedServer.Peer peer = server.accept().upgrade()) {
                NioWebSocket socket = opening.get(10, TimeUnit.SECONDS);

                client.close();

                assertThat(socket.closed().get(10, TimeUnit.SECONDS)).isEqualTo(CloseCodes.ABNORMAL);
                assertThat(received.close().code()).isEqualTo(CloseCodes.ABNORMAL);
                assertThat(peer.clientClosed()).isTrue();
                assertThat(client.open(URI.create(server.url()), TIMEOUT, new Received())).isCompletedExceptionally();
            }
        }
    }

    @Test
    void only_ws_urls_are_taken() {
        assertThatThrownBy(() -> client.open(URI.create("wss://127.0.0.1:1/ws"), TIMEOUT, new Received()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
