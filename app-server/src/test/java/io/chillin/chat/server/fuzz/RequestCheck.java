package io.chillin.chat.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chillin.chat.server.fuzz.RequestGenerator.Request;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a REST answer must look like by PROTOCOL.md, and what it says was stored. Never a 5xx. Every 4xx of the API
 * is the JSON error body with a code of the protocol, at that code's status. A 2xx that opens a session, creates a
 * user or a room, or ends a session is written into the ledger.
 */
final class RequestCheck {

    /** PROTOCOL.md's status per code; NOT_IN_ROOM, a WebSocket code, is a 403 where REST meets it. */
    static final Map<String, Integer> STATUS = Map.ofEntries(Map.entry("VALIDATION", 400), Map.entry("MALFORMED", 400),
            Map.entry("UNAUTHORIZED", 401), Map.entry("FORBIDDEN", 403), Map.entry("NOT_IN_ROOM", 403),
            Map.entry("NOT_FOUND", 404), Map.entry("CONFLICT", 409), Map.entry("NAME_TAKEN", 409),
            Map.entry("RATE_LIMITED", 429));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Tally tally;
    private final Ledger ledger;
    private final Consumer<String> newToken;

    RequestCheck(Tally tally, Ledger ledger, Consumer<String> newToken) {
        this.tally = tally;
        this.ledger = ledger;
        this.newToken = newToken;
    }

    /** Checks one answer; {@code sent} is the request as it went out, its token in place. */
    void check(Request request, String sent, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String text = new String(response.body(), StandardCharsets.UTF_8);
        JsonNode body = json(text);
        String code = body == null ? "" : body.path("error").path("code").asText();
        tally.count("rest " + status + (code.isEmpty() ? "" : " " + code));
        tally.count("by endpoint " + request.endpoint() + ": " + status + (code.isEmpty() ? "" : " " + code));
        String answer = status + " " + response.headers().map() + " " + text;
        boolean api = request.target().startsWith("/api") || request.target().startsWith("/health");
        if (status >= 500) {
            problem(request, sent, "a " + status + " answer", answer);
            return;
        }
        if (api && !request.method().equals("HEAD")
                && !"nosniff".equals(response.headers().firstValue("X-Content-Type-Options").orElse(null))) {
            problem(request, sent, "an API answer without X-Content-Type-Options: nosniff", answer);
        }
        if (status >= 400) {
            if (api && !request.method().equals("HEAD")) {
                error(request, sent, status, body, answer, response);
            }
            return;
        }
        if (status >= 200 && status < 300 && !request.method().equals("HEAD")) {
            success(request, sent, status, body, answer);
        }
    }

    private void error(Request request, String sent, int status, JsonNode body, String answer,
                       HttpResponse<byte[]> response) {
        JsonNode error = body == null ? null : body.get("error");
        if (error == null || !error.isObject() || !error.path("code").isTextual() || !error.path("message").isTextual()) {
            problem(request, sent, "a " + status + " whose body is not {\"error\":{\"code\",\"message\"}}", answer);
            return;
        }
        String code = error.path("code").asText();
        if (!FrameCheck.CODES.contains(code)) {
            problem(request, sent, "error code " + code + " is not a typed rejection", answer);
        } else if (STATUS.get(code) != status) {
            problem(request, sent, code + " came with " + status + ", not " + STATUS.get(code), answer);
        }
        if (error.path("message").asText().isBlank()) {
            problem(request, sent, "an error without a message", answer);
        }
        if (code.equals("VALIDATION") && !error.path("field").isTextual()) {
            problem(request, sent, "VALIDATION without a field", answer);
        }
        if (code.equals("RATE_LIMITED") && response.headers().firstValue("Retry-After").isEmpty()) {
            problem(request, sent, "RATE_LIMITED without Retry-After", answer);
        }
    }

    private void success(Request request, String sent, int status, JsonNode body, String answer) {
        if (body != null && body.path("token").isTextual()) {
            ledger.sessionsOpened.increment();
            newToken.accept(body.path("token").textValue());
            if (status == 201) {
                ledger.user(body.path("user").path("username").asText());
            }
        }
        if (status == 201 && body != null && body.path("room").isObject()) {
            ledger.room(body.path("room").path("name").asText());
        }
        if (status == 204) {
            ledger.sessionsEnded.increment();
        }
        boolean json = body != null && body.isObject();
        String avatarType = "image/svg+xml";
        if (!json && status != 204 && !request.method().equals("HEAD") && request.target().startsWith("/api/")
                && !request.target().contains("/avatar")) {
            problem(request, sent, "a " + status + " from the API whose body is not a JSON object", answer);
        }
        if (json && body.path("messages").isArray()) {
            for (JsonNode m : body.path("messages")) {
                ledger.delivered.add(m.path("id").asLong());
            }
        }
        if (request.target().contains("/avatar") && status == 200 && !answer.contains(avatarType)) {
            problem(request, sent, "an avatar that is not SVG", answer);
        }
    }

    private static JsonNode json(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (Exception notJson) {
            return null;
        }
    }

    private void problem(Request request, String sent, String problem, String answer) {
        tally.finding("rest: " + problem, "request #" + request.index() + " (" + request.endpoint() + "): " + sent, answer);
    }
}
