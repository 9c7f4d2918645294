package io.chillin.chat.cli.net.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.cli.net.WsConnection;
import io.chillin.chat.server.support.TestServer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The NIO client against the real server: the handshake, a refused upgrade, frames both ways and the close. */
class NioWebSocketServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void opens_a_socket_that_the_server_answers_and_closes_it_with_a_handshake() throws Exception {
        try (TestServer server = TestServer.start(); NioWebSocketClient client = new NioWebSocketClient(2)) {
            Received received = new Received();
            NioWebSocket socket = client.open(ws(server, ""), TIMEOUT, received).get(10, TimeUnit.SECONDS);

            assertThat(socket.sendText("{\"type\":\"ping\",\"ref\":\"p1\"}")).isTrue();
            assertThat(received.next()).contains("\"type\":\"pong\"").contains("\"ref\":\"p1\"");
            String name = TestServer.name("nio");
            socket.sendText("{\"type\":\"join\",\"room\":\"" + TestServer.name("nio-room-") + "\",\"name\":\"" + name
                    + "\",\"ref\":\"j\"}");
            assertThat(received.next()).contains("\"type\":\"ack\"").contains("\"ref\":\"j\"");
            assertThat(received.next()).as("a history page").contains("\"type\":\"messageHistory\"");

            assertThat(socket.closeAsync().get(10, TimeUnit.SECONDS)).isEqualTo(CloseCodes.NORMAL);
            assertThat(received.close().code()).isEqualTo(CloseCodes.NORMAL);
        }
    }

    @Test
    void an_upgrade_the_server_refuses_fails_with_its_http_status() {
        try (TestServer server = TestServer.start(); NioWebSocketClient client = new NioWebSocketClient(1)) {
            assertThatThrownBy(() -> client.open(ws(server, "?token=not-a-token"), TIMEOUT, new Received())
                    .get(10, TimeUnit.SECONDS))
                    .cause().isInstanceOf(WsConnection.Refused.class)
                    .satisfies(e -> assertThat(((WsConnection.Refused) e).status()).isEqualTo(401));
        }
    }

    @Test
    void a_frame_over_the_servers_limit_is_closed_with_1009() throws Exception {
        try (TestServer server = TestServer.start(); NioWebSocketClient client = new NioWebSocketClient(1)) {
            Received received = new Received();
            NioWebSocket socket = client.open(ws(server, ""), TIMEOUT, received).get(10, TimeUnit.SECONDS);

            socket.sendText("{\"type\":\"ping\",\"ref\":\"" + "x".repeat(20_000) + "\"}");

            assertThat(socket.closed().get(10, TimeUnit.SECONDS)).isEqualTo(1009);
            assertThat(received.close().code()).isEqualTo(1009);
        }
    }

    private static URI ws(TestServer server, String query) {
        return URI.create("ws://127.0.0.1:" + server.port() + "/ws" + query);
    }
}
