package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.ServerPerClass;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client may keep its token out of the URL (where proxies log it) and send it as the first frame, `auth`
 * (docs/PROTOCOL.md): the socket is then that session's, as if the token had come with the upgrade.
 */
class WebSocketAuthFrameEndToEndTest {

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    @Test
    void a_token_in_the_first_frame_makes_the_socket_the_sessions() {
        String name = TestServer.name("auth");
        String token = SERVER.http().register(name);
        try (WsClient socket = WsClient.connect(SERVER.port())) {
            socket.send("type", "auth", "token", token, "ref", "a1");
            JsonNode ack = socket.next();
            assertThat(ack.path("type").asText()).isEqualTo("ack");
            assertThat(ack.path("ref").asText()).isEqualTo("a1");
            List<JsonNode> joined = socket.join(TestServer.name("auth-room-"));
            assertThat(joined.get(2).path("users")).extracting(u -> u.path("username").asText()).containsExactly(name);

            assertThat(SERVER.http().post("/api/auth/logout", Http.json(), token).status()).isEqualTo(204);
            assertThat(socket.awaitClose()).as("the session ended").isEqualTo(4001);
        }
    }

    @Test
    void a_bad_token_in_the_first_frame_is_refused_and_the_socket_closed() {
        try (WsClient socket = WsClient.connect(SERVER.port())) {
            socket.send("type", "auth", "token", "not-a-token", "ref", "a2");
            JsonNode error = socket.next("error");
            assertThat(error.path("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(error.path("ref").asText()).isEqualTo("a2");
            assertThat(socket.awaitClose()).isEqualTo(4001);
        }
    }

    @Test
    void a_socket_that_has_an_identity_cannot_take_another() {
        String token = SERVER.http().register(TestServer.name("auth"));
        String other = SERVER.http().register(TestServer.name("auth"));
        try (WsClient withToken = WsClient.connect(SERVER.port(), token);
             WsClient guest = WsClient.connect(SERVER.port())) {
            withToken.send("type", "auth", "token", other, "ref", "twice");
            assertThat(withToken.next("error").path("code").asText()).isEqualTo("CONFLICT");

            guest.join(TestServer.name("auth-room-"), "name", TestServer.name("g"));
            guest.send("type", "auth", "token", other, "ref", "late");
            assertThat(guest.next("error").path("code").asText()).isEqualTo("CONFLICT");
            guest.send("type", "ping", "ref", "alive");
            assertThat(guest.next("pong").path("ref").asText()).isEqualTo("alive");
        }
    }

    @Test
    void an_auth_frame_without_a_token_is_malformed() {
        try (WsClient socket = WsClient.connect(SERVER.port())) {
            socket.send("type", "auth", "ref", "a3");
            JsonNode error = socket.next("error");
            assertThat(error.path("code").asText()).isEqualTo("MALFORMED");
            assertThat(error.path("field").asText()).isEqualTo("token");
        }
    }
}
