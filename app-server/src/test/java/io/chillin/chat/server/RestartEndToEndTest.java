package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.PostgresDatabase;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** History, accounts, sessions and rooms survive a restart, on the embedded default and on PostgreSQL. */
class RestartEndToEndTest {

    @Test
    void history_survives_a_restart_of_the_embedded_default() {
        try (TestServer server = TestServer.start()) {
            chatRestartAndCheck(server);
        }
    }

    @Test
    void history_survives_a_restart_on_postgresql() {
        try (PostgresDatabase db = PostgresDatabase.create(); TestServer server = TestServer.start(db.serverEnv())) {
            assertThat(server.http().get("/health/ready").body().path("backends").path("database").path("kind").asText())
                    .isEqualTo("postgresql");
            chatRestartAndCheck(server);
        }
    }

    private static void chatRestartAndCheck(TestServer server) {
        String room = TestServer.name("keep-");
        String user = TestServer.name("keeper");
        String token = server.http().register(user);
        try (WsClient ann = WsClient.connect(server.port()); WsClient bob = WsClient.connect(server.port())) {
            ann.join(room, "name", TestServer.name("ann"));
            bob.join(room, "name", TestServer.name("bob"));
            WebSocketEndToEndTest.send(ann, room, "before restart 1");
            WebSocketEndToEndTest.send(bob, room, "before restart 2 😀");
        }

        server.restart();

        try (WsClient again = WsClient.connect(server.port())) {
            JsonNode history = again.join(room, "name", TestServer.name("late")).get(1);
            List<String> texts = new ArrayList<>();
            history.path("messages").forEach(m -> texts.add(m.path("text").asText()));
            assertThat(texts).containsExactly("before restart 1", "before restart 2 😀");
            WebSocketEndToEndTest.send(again, room, "after restart");
        }
        JsonNode page = server.http().get("/api/rooms/" + room + "/messages").body();
        assertThat(page.path("messages").get(2).path("seq").asLong()).as("seq continues").isEqualTo(3);
        assertThat(server.http().get("/api/me", token).status()).as("sessions survive a restart").isEqualTo(200);
        assertThat(server.http().post("/api/auth/login",
                io.chillin.chat.server.support.Http.json("username", user, "password", "secret-pw")).status()).isEqualTo(200);
    }
}
