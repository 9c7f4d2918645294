package io.chillin.chat.server.fuzz;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.chillin.chat.server.fuzz.FrameGenerator.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the replies to one frame must look like by PROTOCOL.md, and what they say was stored. Each frame gets
 * exactly one direct answer ({@code ack}, {@code error}, {@code pong} or {@code messageConfirmed}), of the kind its
 * type asks for ({@code ack} for join, leave, auth, watchRooms and unwatchRooms; a join's followed by its history and
 * members); only a well-formed {@code typing} or {@code stopTyping} may go unanswered. Text that is not a JSON
 * object, or has no known type, is {@code MALFORMED}. No error is {@code INTERNAL}; every error has a message,
 * {@code VALIDATION} a field, {@code RATE_LIMITED} and {@code UNAVAILABLE} a retryAfter. A valid {@code ref} comes
 * back on every answer but a {@code MALFORMED} one (there only when readable before what broke the frame).
 */
final class FrameCheck {

    /** The error codes of PROTOCOL.md; INTERNAL is one of them, but a hostile frame must never cause it. */
    static final Set<String> CODES = Set.of("VALIDATION", "MALFORMED", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND",
            "CONFLICT", "NOT_IN_ROOM", "NAME_TAKEN", "RATE_LIMITED", "UNAVAILABLE");
    private static final Set<String> CLIENT_TYPES = Set.of("join", "leave", "sendMessage", "auth", "typing", "stopTyping",
            "ping", "watchRooms", "unwatchRooms");
    private static final Set<String> DIRECT = Set.of("ack", "error", "pong", "messageConfirmed");
    private static final Set<String> PUSHED = Set.of("message", "messageHistory", "roomData", "userTyping",
            "userStoppedTyping", "roomActivity", "roomListChanged", "roomDeleted");
    /**
     * Reads frames as RFC 8259 does, duplicate keys refused as the protocol refuses them, with Jackson's default limits
     * only (far above the server's: what this reads, the server may still refuse as too deep or too long).
     */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Tally tally;
    private final Ledger ledger;

    FrameCheck(Tally tally, Ledger ledger) {
        this.tally = tally;
        this.ledger = ledger;
    }

    /** Checks the frames that came back for one frame (up to the marker's pong) and counts the answer. */
    void check(Frame frame, List<JsonNode> replies) {
        JsonNode parsed = strict(frame.text());
        JsonNode type = parsed != null && parsed.isObject() ? parsed.get("type") : null;
        String typeName = type != null && type.isTextual() && CLIENT_TYPES.contains(type.textValue())
                ? type.textValue() : null;
        List<JsonNode> answers = new ArrayList<>();
        for (JsonNode reply : replies) {
            String replyType = reply.path("type").asText();
            if (DIRECT.contains(replyType)) {
                answers.add(reply);
            } else if (PUSHED.contains(replyType)) {
                pushed(reply);
            } else {
                problem(frame, "a frame of unknown type came back", reply.toString());
            }
        }
        if (answers.isEmpty()) {
            if (mayBeSilent(parsed, typeName)) {
                tally.count("ws silent");
                tally.count("by frame " + frame.kind() + ": silent");
            } else {
                problem(frame, "no answer", replies.toString());
            }
            return;
        }
        if (answers.size() > 1) {
            problem(frame, "more than one answer", answers.toString());
        }
        JsonNode answer = answers.getFirst();
        String answerType = answer.path("type").asText();
        tally.count("by frame " + frame.kind() + ": " + answerType + (answerType.equals("error")
                ? " " + answer.path("code").asText() : ""));
        if (answerType.equals("error")) {
            error(frame, parsed, typeName, answer);
        } else if (typeName == null || !fits(typeName, answerType)) {
            problem(frame, "'" + answerType + "' answered a frame that is not a valid " + expectedFor(answerType),
                    answer.toString());
        } else {
            success(frame, parsed, typeName, answer, replies);
        }
        refEchoed(frame, parsed, answers);
    }

    /**
     * The replies that came before the socket closed, to a frame that will get no more: what they say was stored
     * goes into the ledger; the close is judged by the socket.
     */
    void salvage(List<JsonNode> replies) {
        for (JsonNode reply : replies) {
            if (reply.path("type").asText().equals("messageConfirmed") && reply.path("id").isIntegralNumber()) {
                // the text is unknown here: the store's check compares only the texts it has
                ledger.salvaged.add(reply.path("id").longValue());
            } else if (reply.path("type").asText().equals("messageHistory")) {
                ledger.room(reply.path("room").asText());
            }
        }
    }

    /** A frame that will get no answer, its socket closed: what it asked for goes into the ledger as unanswered. */
    void unanswered(Frame frame) {
        JsonNode parsed = strict(frame.text());
        if (parsed == null || !parsed.isObject()) {
            return;
        }
        String type = parsed.path("type").asText();
        if (type.equals("join") && parsed.path("room").isTextual()) {
            ledger.unansweredRooms.add(Ledger.roomKey(parsed.path("room").textValue()));
        } else if (type.equals("sendMessage") && parsed.path("text").isTextual()) {
            ledger.unansweredTexts.add(parsed.path("text").textValue().strip());
        }
    }

    /** A frame that arrived outside any request, or among the replies: only persisted messages matter here. */
    void pushed(JsonNode frame) {
        JsonNode message = frame.path("message");
        if (frame.path("type").asText().equals("message") && message.path("id").isIntegralNumber()) {
            ledger.delivered.add(message.path("id").longValue());
        }
        tally.count("ws pushed " + frame.path("type").asText());
    }

    private void error(Frame frame, JsonNode parsed, String typeName, JsonNode answer) {
        String code = answer.path("code").asText();
        tally.count("ws error:" + code);
        if (!CODES.contains(code)) {
            problem(frame, "error code " + (code.isEmpty() ? "missing" : code) + " is not a typed rejection",
                    answer.toString());
            return;
        }
        if (!answer.path("message").isTextual() || answer.path("message").asText().isBlank()) {
            problem(frame, "error without a message", answer.toString());
        }
        if (code.equals("VALIDATION") && !answer.path("field").isTextual()) {
            problem(frame, "VALIDATION error without a field", answer.toString());
        }
        if ((code.equals("RATE_LIMITED") || code.equals("UNAVAILABLE")) && answer.path("retryAfter").asLong() < 1) {
            problem(frame, code + " without retryAfter", answer.toString());
        }
        if (typeName == null && !code.equals("MALFORMED")) {
            problem(frame, "a frame that is not a JSON object of a known type got " + code + ", not MALFORMED",
                    answer.toString());
        }
        JsonNode ref = parsed != null && parsed.isObject() ? parsed.get("ref") : null;
        if (ref != null && !ref.isNull() && !validRef(ref) && !code.equals("MALFORMED")) {
            problem(frame, "an invalid ref got " + code + ", not MALFORMED", answer.toString());
        }
    }

    private void success(Frame frame, JsonNode parsed, String typeName, JsonNode answer, List<JsonNode> replies) {
        switch (answer.path("type").asText()) {
            case "ack" -> {
                tally.count("ws ack " + typeName);
                if (typeName.equals("join")) {
                    joined(frame, answer, replies);
                }
            }
            case "messageConfirmed" -> {
                tally.count("ws messageConfirmed");
                if (!answer.path("id").isIntegralNumber() || answer.path("seq").asLong() < 1) {
                    problem(frame, "messageConfirmed without a numeric id and a seq", answer.toString());
                } else {
                    // a retry is confirmed with the first send's id: the first text seen for an id is the stored one
                    ledger.messages.putIfAbsent(answer.path("id").longValue(), parsed.path("text").asText().strip());
                }
            }
            default -> tally.count("ws pong");
        }
    }

    /** After a join's ack come its history and its member list; the room may be new: the ledger takes it. */
    private void joined(Frame frame, JsonNode ack, List<JsonNode> replies) {
        int at = replies.indexOf(ack);
        JsonNode history = at + 1 < replies.size() ? replies.get(at + 1) : null;
        JsonNode members = at + 2 < replies.size() ? replies.get(at + 2) : null;
        if (history == null || !history.path("type").asText().equals("messageHistory")
                || members == null || !members.path("type").asText().equals("roomData")) {
            problem(frame, "a join's ack was not followed by messageHistory and roomData", replies.toString());
            return;
        }
        ledger.room(history.path("room").asText());
        for (JsonNode m : history.path("messages")) {
            if (m.path("id").isIntegralNumber()) {
                ledger.delivered.add(m.path("id").longValue());
            }
        }
    }

    private void refEchoed(Frame frame, JsonNode parsed, List<JsonNode> answers) {
        JsonNode ref = parsed != null && parsed.isObject() ? parsed.get("ref") : null;
        if (ref == null || ref.isNull() || !validRef(ref)) {
            return;
        }
        for (JsonNode answer : answers) {
            // a MALFORMED frame's ref comes back only when it is readable before whatever broke the frame
            boolean malformed = answer.path("code").asText().equals("MALFORMED");
            if (!malformed && !ref.equals(answer.get("ref"))) {
                problem(frame, "the frame's ref did not come back", answer.toString());
            }
        }
    }

    private static boolean mayBeSilent(JsonNode parsed, String typeName) {
        if (!"typing".equals(typeName) && !"stopTyping".equals(typeName)) {
            return false;
        }
        JsonNode ref = parsed.get("ref");
        return parsed.path("room").isTextual() && (ref == null || ref.isNull() || validRef(ref));
    }

    private static boolean fits(String typeName, String answerType) {
        return switch (answerType) {
            case "ack" -> Set.of("join", "leave", "auth", "watchRooms", "unwatchRooms").contains(typeName);
            case "pong" -> typeName.equals("ping");
            case "messageConfirmed" -> typeName.equals("sendMessage");
            default -> false;
        };
    }

    private static String expectedFor(String answerType) {
        return switch (answerType) {
            case "ack" -> "join, leave, auth, watchRooms or unwatchRooms";
            case "pong" -> "ping";
            default -> "sendMessage";
        };
    }

    /** True for a frame that may end its socket: an {@code auth} with a token that is no session's closes it with 4001. */
    static boolean mayEndTheSocket(Frame frame) {
        JsonNode parsed = strict(frame.text());
        return parsed != null && parsed.isObject() && parsed.path("type").asText().equals("auth");
    }

    /** PROTOCOL.md: a string of at most 128 characters or a whole number. */
    static boolean validRef(JsonNode ref) {
        return ref.isTextual() && ref.textValue().length() <= 128 || ref.isIntegralNumber();
    }

    static JsonNode strict(String text) {
        try {
            return STRICT.readTree(text);
        } catch (Exception notJson) {
            return null;
        }
    }

    private void problem(Frame frame, String problem, String answer) {
        tally.finding("ws: " + problem, "frame #" + frame.index() + " (" + frame.kind() + ", " + frame.bytes() + " bytes): "
                + frame.text(), answer);
    }
}
