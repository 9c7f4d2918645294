package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.ServerPerClass;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile or broken frames get an error, change nothing, and never disturb anybody else. */
class HostileInputEndToEndTest {

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    @ParameterizedTest
    @ValueSource(strings = {
            "not json at all",
            "[1,2,3]",
            "\"just a string\"",
            "42",
            "{}",
            "{\"type\": 5}",
            "{\"type\": \"selfDestruct\"}",
            "{\"type\": \"join\"}",
            "{\"type\": \"join\", \"room\": [\"a\"]}",
            "{\"type\": \"join\", \"room\": \"r\", \"sinceSeq\": \"ten\"}",
            "{\"type\": \"sendMessage\", \"room\": \"r\", \"tempId\": \"t\"}",
            "{\"type\": \"sendMessage\", \"room\": \"r\", \"tempId\": {\"$gt\": 1}, \"text\": \"x\"}",
            "{\"type\": \"ping\", \"ref\": {\"nested\": true}}",
            "{\"type\": \"ping\"} trailing",
            "{\"type\": \"ping\", \"type\": \"join\"}",
            "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":1}}}}}}}}}}}}}}}}}}"
    })
    void a_malformed_frame_gets_a_malformed_error_and_the_connection_stays_usable(String frame) {
        try (WsClient c = WsClient.connect(SERVER.port())) {
            c.sendRaw(frame);
            JsonNode error = c.next();
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("code").asText()).isEqualTo("MALFORMED");
            c.send("type", "ping", "ref", "still-alive");
            assertThat(c.next().path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void invalid_values_are_validation_errors_and_create_nothing() {
        String before = SERVER.http().get("/api/rooms").raw().body();
        try (WsClient c = WsClient.connect(SERVER.port())) {
            for (String badRoom : List.of("", "   ", "x".repeat(31), "bell\u0007")) {
                c.send("type", "join", "room", badRoom, "name", TestServer.name("v"));
                JsonNode error = c.next("error");
                assertThat(error.path("code").asText()).isEqualTo("VALIDATION");
                assertThat(error.path("field").asText()).isEqualTo("room");
            }
            c.send("type", "join", "room", TestServer.name("r"), "name", "<script>alert(1)</script>");
            assertThat(c.next("error").path("field").asText()).isEqualTo("name");
            c.send("type", "join", "room", TestServer.name("r"), "name", "okname", "sinceSeq", -5);
            assertThat(c.next("error").path("field").asText()).isEqualTo("sinceSeq");
        }
        assertThat(SERVER.http().get("/api/rooms").raw().body()).isEqualTo(before);
    }

    @Test
    void an_oversized_frame_closes_only_that_connection_with_1009() {
        String room = TestServer.name("big-");
        try (WsClient victim = WsClient.connect(SERVER.port()); WsClient attacker = WsClient.connect(SERVER.port())) {
            victim.join(room, "name", TestServer.name("v"));
            attacker.join(room, "name", TestServer.name("a"));
            attacker.sendRaw("{\"type\":\"sendMessage\",\"room\":\"" + room + "\",\"tempId\":\"t\",\"text\":\""
                    + "x".repeat(20_000) + "\"}");
            assertThat(attacker.awaitClose()).isEqualTo(1009);
            WebSocketEndToEndTest.send(victim, room, "still here");
        }
        assertThat(SERVER.http().get("/api/rooms/" + room + "/messages").body().path("messages")).hasSize(1);
    }

    @Test
    void markup_in_messages_is_stored_and_delivered_as_plain_text() {
        String room = TestServer.name("xss-");
        String payload = "<img src=x onerror=alert(1)><script>alert('x')</script>";
        try (WsClient a = WsClient.connect(SERVER.port()); WsClient b = WsClient.connect(SERVER.port())) {
            a.join(room, "name", TestServer.name("a"));
            b.join(room, "name", TestServer.name("b"));
            a.send("type", "sendMessage", "room", room, "tempId", "x", "text", payload);
            JsonNode seen = b.next(f -> f.path("type").asText().equals("message") && f.path("message").has("seq"), "message");
            assertThat(seen.path("message").path("text").asText()).isEqualTo(payload);
        }
        assertThat(SERVER.http().get("/api/rooms/" + room + "/messages").body().path("messages").get(0).path("text").asText())
                .isEqualTo(payload);
    }

    @Test
    void a_burst_of_garbage_does_not_disturb_a_healthy_chat_next_door() {
        String room = TestServer.name("calm-");
        try (WsClient ann = WsClient.connect(SERVER.port()); WsClient bob = WsClient.connect(SERVER.port());
             WsClient vandal = WsClient.connect(SERVER.port())) {
            ann.join(room, "name", TestServer.name("ann"));
            bob.join(room, "name", TestServer.name("bob"));
            for (int i = 0; i < 300; i++) {
                vandal.sendRaw(i % 2 == 0 ? "{{{{" : "{\"type\":\"sendMessage\",\"room\":\"" + room + "\"}");
            }
            for (int i = 1; i <= 5; i++) {
                WebSocketEndToEndTest.send(ann, room, "calm " + i);
            }
            for (int i = 1; i <= 5; i++) {
                JsonNode m = bob.next(f -> f.path("type").asText().equals("message") && f.path("message").has("seq"), "message");
                assertThat(m.path("message").path("text").asText()).isEqualTo("calm " + i);
            }
        }
        assertThat(SERVER.http().get("/health").status()).isEqualTo(200);
    }
}
