package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.ServerProcess;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A whole session's worth of traffic (register, log in, wrong passwords, private rooms, WebSockets with
 * {@code ?token=} and with an {@code auth} frame, sending, logging out, bad tokens) and then every line the server
 * process wrote, start to stop, in either format: no token and no password used appears in any of them.
 */
class NoSecretsInLogsEndToEndTest {

    @ParameterizedTest(name = "CHAT_LOG_FORMAT={0}")
    @ValueSource(strings = {"text", "json"})
    void no_token_or_password_reaches_the_log(String format) {
        List<String> secrets = new ArrayList<>();
        ServerProcess server = ServerProcess.start(Map.of("CHAT_LOG_FORMAT", format));
        try {
            Http http = server.http();
            String alice = TestServer.name("alice");
            String password = secret(secrets, "pw-alice-");
            String wrongPassword = secret(secrets, "pw-wrong-");
            String roomPassword = secret(secrets, "pw-room-");
            String wrongRoomPassword = secret(secrets, "pw-room-wrong-");
            String badToken = secret(secrets, "tok-bad-");

            String registered = http.post("/api/auth/register", Http.json("username", alice, "password", password))
                    .body().path("token").asText();
            secrets.add(registered);
            for (int i = 0; i < 3; i++) {
                assertThat(http.post("/api/auth/login", Http.json("username", alice, "password", wrongPassword)).status())
                        .isEqualTo(401);
            }
            String loggedIn = http.post("/api/auth/login", Http.json("username", alice, "password", password))
                    .body().path("token").asText();
            secrets.add(loggedIn);
            String guest = http.post("/api/auth/guest", Http.json("name", TestServer.name("g"))).body().path("token").asText();
            secrets.add(guest);

            String privateRoom = TestServer.name("vault-");
            assertThat(http.post("/api/rooms/create", Http.json("name", privateRoom, "description", "d",
                    "password", roomPassword), loggedIn).status()).isEqualTo(201);
            assertThat(http.post("/api/rooms/join", Http.json("roomName", privateRoom, "password", wrongRoomPassword),
                    loggedIn).status()).isEqualTo(403);
            assertThat(http.get("/api/me", loggedIn).status()).isEqualTo(200);
            assertThat(http.get("/api/me", badToken).status()).isEqualTo(401);
            // a client that puts its token in a REST query by mistake
            assertThat(http.get("/api/rooms?token=" + loggedIn).status()).isEqualTo(200);

            String lobby = TestServer.name("lobby-");
            try (WsClient byQuery = WsClient.connect(server.port(), loggedIn);
                 WsClient byFrame = WsClient.connect(server.port());
                 WsClient guestSocket = WsClient.connect(server.port(), guest)) {
                byQuery.join(lobby);
                byQuery.send("type", "sendMessage", "room", lobby, "tempId", "t1", "text", "hello");
                byQuery.next("messageConfirmed");
                byQuery.send("type", "join", "room", privateRoom, "password", wrongRoomPassword, "ref", "wrong");
                assertThat(byQuery.next("error").path("ref").asText()).isEqualTo("wrong");
                byQuery.join(privateRoom, "password", roomPassword);

                byFrame.send("type", "auth", "token", registered, "ref", "a1");
                assertThat(byFrame.next("ack").path("ref").asText()).isEqualTo("a1");
                byFrame.join(lobby);
                byFrame.send("type", "sendMessage", "room", lobby, "tempId", "t2", "text", "hi");
                byFrame.next("messageConfirmed");
                guestSocket.join(lobby);
            }
            try (WsClient badFrame = WsClient.connect(server.port())) {
                badFrame.send("type", "auth", "token", badToken, "ref", "bad");
                assertThat(badFrame.awaitClose()).isEqualTo(4001);
            }
            assertThatThrownBy(() -> WsClient.connect(server.port(), badToken)).isInstanceOf(WsClient.UpgradeRefused.class);

            assertThat(http.post("/api/auth/logout", Http.json(), registered).status()).isEqualTo(204);
            assertThat(http.post("/api/auth/logout", Http.json(), loggedIn).status()).isEqualTo(204);
            server.awaitLine(line -> line.contains("POST /api/auth/logout 204"), "for the last logout");
        } finally {
            server.close();
        }

        List<String> lines = server.lines();
        assertThat(lines).as("the log was captured").anyMatch(l -> l.contains("GET /ws 101"))
                .anyMatch(l -> l.contains("POST /api/auth/login 401")).anyMatch(l -> l.contains("shutting down"));
        assertThat(secrets).hasSize(8).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(10));
        for (String line : lines) {
            for (String secret : secrets) {
                assertThat(line).as("a log line").doesNotContain(secret);
            }
        }
    }

    private static String secret(List<String> secrets, String prefix) {
        String value = TestServer.name(prefix) + TestServer.name("-");
        secrets.add(value);
        return value;
    }
}
