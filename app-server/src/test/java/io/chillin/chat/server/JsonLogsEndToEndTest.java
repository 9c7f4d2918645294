package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.ServerProcess;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code CHAT_LOG_FORMAT=json} every line the server process writes, from start to stop, is one JSON object
 * with the agreed fields, and a request or a WebSocket connection is found in them by its id.
 */
class JsonLogsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_line_is_one_json_object_and_requests_and_connections_are_found_by_their_ids() throws Exception {
        String healthId;
        String roomsId;
        String forged = "forged-by-the-client-" + TestServer.name("");
        ServerProcess server = ServerProcess.start(Map.of("CHAT_LOG_FORMAT", "json"));
        try {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/health")).header("X-Request-Id", forged).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            healthId = health.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(healthId).as("made by the server, not taken from the client").isNotEqualTo(forged).matches("[0-9a-f]{16}");

            Http http = server.http();
            Http.Response rooms = http.get("/api/rooms?limit=5&cursor=from-the-query");
            roomsId = rooms.header("X-Request-Id");
            assertThat(http.get("/api/no-such-thing").status()).isEqualTo(404);

            String token = http.register(TestServer.name("json"));
            try (WsClient socket = WsClient.connect(server.port(), token)) {
                socket.join(TestServer.name("json-room-"));
            }
            server.awaitLine(line -> line.contains("websocket closed"), "saying the socket closed");
        } finally {
            server.close();
        }
        List<String> written = server.lines();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : written) {
            JsonNode parsed = JSON.readTree(line);
            assertThat(parsed.isObject()).as(line).isTrue();
            for (String field : List.of("timestamp", "level", "logger", "thread", "message")) {
                assertThat(parsed.path(field).isTextual()).as(field + " in " + line).isTrue();
            }
            assertThat(Instant.parse(parsed.path("timestamp").asText())).isBefore(Instant.now());
            assertThat(parsed.path("level").asText()).isIn("ERROR", "WARN", "INFO");
            lines.add(parsed);
        }
        assertThat(lines).anySatisfy(l -> assertThat(l.path("message").asText()).contains("listening on http://127.0.0.1:"));
        assertThat(String.join("\n", written)).doesNotContain(forged).doesNotContain("from-the-query");

        JsonNode healthLine = only(lines, l -> healthId.equals(l.path("requestId").asText()));
        assertThat(healthLine.path("logger").asText()).isEqualTo("chillin.access");
        assertThat(healthLine.path("method").asText()).isEqualTo("GET");
        assertThat(healthLine.path("path").asText()).isEqualTo("/health");
        assertThat(healthLine.path("status").asInt()).isEqualTo(200);
        assertThat(healthLine.path("durationMs").isNumber()).isTrue();
        assertThat(healthLine.path("client").asText()).isEqualTo("127.0.0.1");
        assertThat(healthLine.path("message").asText()).isEqualTo("GET /health 200 " + healthLine.path("durationMs").asDouble()
                + " ms 127.0.0.1");

        JsonNode roomsLine = only(lines, l -> roomsId.equals(l.path("requestId").asText()));
        assertThat(roomsLine.path("path").asText()).as("no query string").isEqualTo("/api/rooms");
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("path").asText()).isEqualTo("/api/no-such-thing");
            assertThat(l.path("status").asInt()).isEqualTo(404);
        });

        JsonNode upgrade = only(lines, l -> "/ws".equals(l.path("path").asText()));
        assertThat(upgrade.path("status").asInt()).isEqualTo(101);
        assertThat(upgrade.path("requestId").asText()).as("the upgrade request's").matches("[0-9a-f]{16}");
        String connectionId = upgrade.path("connectionId").asText();
        assertThat(connectionId).as("the connection it opened").isNotEmpty();
        JsonNode closed = only(lines, l -> l.path("message").asText().startsWith("websocket closed"));
        assertThat(closed.path("connectionId").asText()).isEqualTo(connectionId);
        assertThat(closed.path("closeCode").asInt()).isEqualTo(1000);

        assertThat(lines.getLast().path("message").asText()).as("the last line, at SIGTERM").contains("shutting down");
    }

    private static JsonNode only(List<JsonNode> lines, java.util.function.Predicate<JsonNode> wanted) {
        List<JsonNode> found = lines.stream().filter(wanted).toList();
        assertThat(found).as("lines matching, among " + lines).hasSize(1);
        return found.getFirst();
    }
}
