package io.chillin.chat.adapter.javalin;

import static io.chillin.chat.adapter.javalin.EdgeHarness.frame;
import static io.chillin.chat.adapter.javalin.EdgeHarness.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.contract.TestNames;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Guessing passwords through the real edge, with the protocol's limits: a guess the throttle refuses is a 429 with
 * {@code Retry-After} over REST and an error frame with {@code retryAfter} over the WebSocket.
 */
class PasswordGuessingTest {

    private static final String PASSWORD = "right password";
    private static final int ENOUGH = 1_000;

    /** The response to the first of up to {@value #ENOUGH} requests whose status is not {@code status}. */
    private static HttpResponse<String> untilNot(int status, Supplier<HttpResponse<String>> request) {
        for (int i = 0; i < ENOUGH; i++) {
            HttpResponse<String> response = request.get();
            if (response.statusCode() != status) {
                return response;
            }
        }
        throw new AssertionError(ENOUGH + " answers of " + status + " and nothing else");
    }

    private static void assertRateLimited(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        assertThat(parse(response.body()).path("error").path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(response.headers().firstValue("Retry-After")).get().satisfies(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    }

    private static String privateRoom(EdgeHarness edge) {
        String room = TestNames.room().value();
        String token = edge.guestToken(TestNames.unique("c_"));
        HttpResponse<String> created = edge.post("/api/rooms/create", token, frame("name", room, "password", PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return room;
    }

    private static String join(String room, String password) {
        return frame("type", "join", "ref", TestNames.unique("j-"), "room", room, "name", TestNames.unique("g_"),
                "password", password);
    }

    @Test
    void an_attacker_refused_after_failed_logins_does_not_stop_the_owner_logging_in_from_elsewhere() {
        EdgeConfig behindProxy = EdgeConfig.defaults(Set.of()).withTrustedProxies(TrustedProxies.parse("127.0.0.1/32"));
        try (EdgeHarness edge = EdgeHarness.start(behindProxy, ChatSettings.DEFAULT)) {
            String owner = TestNames.unique("own_");
            assertThat(edge.post("/api/auth/register", null, frame("username", owner, "password", PASSWORD)).statusCode())
                    .isEqualTo(201);

            HttpResponse<String> refused = untilNot(401, () -> edge.postFrom("203.0.113.7", "/api/auth/login", null,
                    frame("username", owner, "password", "wrong password")));

            assertRateLimited(refused);
            HttpResponse<String> owners = edge.postFrom("203.0.113.8", "/api/auth/login", null,
                    frame("username", owner, "password", PASSWORD));
            assertThat(owners.statusCode()).as(owners.body()).isEqualTo(200);
        }
    }

    @Test
    void wrong_room_passwords_over_rest_end_in_429_with_retry_after() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            String room = privateRoom(edge);

            HttpResponse<String> refused = untilNot(403, () -> edge.post("/api/rooms/join", null,
                    frame("roomName", room, "password", "wrong password")));

            assertRateLimited(refused);
            assertRateLimited(edge.post("/api/rooms/join", null, frame("roomName", room, "password", PASSWORD)));
        }
    }

    @Test
    void wrong_room_passwords_over_websocket_end_in_a_rate_limited_error_with_retry_after() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            String room = privateRoom(edge);
            EdgeHarness.Client client = edge.connect();
            JsonNode reply = null;

            for (int i = 0; i < ENOUGH && (reply == null || "FORBIDDEN".equals(reply.path("code").asText())); i++) {
                reply = client.send(join(room, "wrong password")).next();
            }

            assertThat(reply.path("type").asText()).as(reply.toString()).isEqualTo("error");
            assertThat(reply.path("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(reply.path("retryAfter").asLong()).isPositive();
        }
    }

    @Test
    void wrong_guesses_over_rest_and_over_the_websocket_count_against_one_budget() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            String room = privateRoom(edge);
            untilNot(403, () -> edge.post("/api/rooms/join", null, frame("roomName", room, "password", "wrong password")));

            JsonNode reply = edge.connect().send(join(room, PASSWORD)).next();

            assertThat(reply.path("code").asText()).as(reply.toString()).isEqualTo("RATE_LIMITED");
        }
    }
}
