package io.chillin.chat.adapter.javalin;

import static io.chillin.chat.adapter.javalin.EdgeHarness.PATIENCE;
import static io.chillin.chat.adapter.javalin.EdgeHarness.frame;
import static io.chillin.chat.adapter.javalin.EdgeHarness.isType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.adapter.javalin.EdgeHarness.Client;
import io.chillin.chat.application.contract.TestNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Clients that break the rules, against a real server: oversized frames, foreign origins, bad tokens
 * and garbage. Each is refused or answered alone; nobody else notices (PROTOCOL.md, ARCHITECTURE.md).
 */
class HostileClientTest {

    private static final int MESSAGE_TOO_BIG = 1009;
    private static final int POLICY_VIOLATION = 1008;

    @Test
    void text_frame_over_16_KiB_closes_that_connection_with_1009_and_nobody_elses() throws Exception {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            String room = TestNames.unique("big ");
            Client alice = edge.connect();
            Client bob = edge.connect();
            Client offender = edge.connect();
            alice.join(room, TestNames.unique("al_"));
            bob.join(room, TestNames.unique("bo_"));
            offender.join(room, TestNames.unique("of_"));

            offender.send(pingOfExactly(16 * 1024 + 1, "too-big"));

            assertThat(offender.closeCode().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(MESSAGE_TOO_BIG);
            assertThat(edge.awaitOpenConnections(2, PATIENCE)).isTrue();
            alice.send(frame("type", "sendMessage", "room", room, "tempId", "after-big", "text", "still here?"));
            JsonNode seen = bob.nextMatching(EdgeHarness::isUserMessage, "alice's message");
            assertThat(seen.path("message").path("text").asText()).isEqualTo("still here?");
            alice.assertAnswersPing("alice-alive");
            assertThat(alice.isClosed() || bob.isClosed()).isFalse();
        }
    }

    @Test
    void text_frame_of_exactly_16_KiB_is_still_answered() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            Client client = edge.connect();

            client.send(pingOfExactly(16 * 1024, "at-the-limit"));

            JsonNode reply = client.next();
            assertThat(isType(reply, "pong")).as("reply %s", reply).isTrue();
            assertThat(reply.path("ref").asText()).isEqualTo("at-the-limit");
            assertThat(client.isClosed()).isFalse();
        }
    }

    @Test
    void a_frame_nested_too_deeply_or_broken_after_its_ref_is_malformed_and_echoes_the_ref() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            String room = TestNames.unique("deep ");
            Client client = edge.connect();
            client.join(room, TestNames.unique("dp_"));
            String deepArrays = "[".repeat(40) + "]".repeat(40);
            String deepObjects = "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
            String head = "{\"type\":\"sendMessage\",\"room\":\"" + room + "\",";

            client.send(head + "\"ref\":\"before-deep\",\"tempId\":\"d1\",\"text\":" + deepArrays + "}");
            client.send(head + "\"tempId\":\"d2\",\"text\":" + deepArrays + ",\"ref\":42}");
            client.send(head + "\"tempId\":\"d3\",\"text\":" + deepObjects + ",\"ref\":\"after-very-deep\"}");
            client.send("{\"type\":\"ping\",\"ref\":\"broken-later\",\"x\":}");
            client.send(head + "\"tempId\":\"d4\",\"text\":" + deepArrays + ",\"ref\":\"r1\",\"ref\":\"r2\"}");
            client.send(head + "\"tempId\":\"d5\",\"text\":" + deepArrays + ",\"ref\":\"" + "r".repeat(129) + "\"}");

            assertMalformedWithRef(nextError(client), "\"before-deep\"");
            assertMalformedWithRef(nextError(client), "42");
            assertMalformedWithRef(nextError(client), "\"after-very-deep\"");
            assertMalformedWithRef(nextError(client), "\"broken-later\"");
            JsonNode ambiguous = nextError(client);
            assertThat(ambiguous.path("code").asText()).isEqualTo("MALFORMED");
            assertThat(ambiguous.has("ref")).as("two refs: neither is echoed, %s", ambiguous).isFalse();
            JsonNode tooLong = nextError(client);
            assertThat(tooLong.path("code").asText()).isEqualTo("MALFORMED");
            assertThat(tooLong.has("ref")).as("a ref the protocol does not allow is not echoed, %s", tooLong).isFalse();
            client.assertAnswersPing("deep-alive");
            JsonNode history = EdgeHarness.parse(edge.get("/api/rooms/" + room.replace(" ", "%20") + "/messages").body());
            assertThat(history.path("messages")).as("nothing stored").isEmpty();
        }
    }

    private static JsonNode nextError(Client client) {
        return client.nextMatching(f -> isType(f, "error"), "an error frame");
    }

    private static void assertMalformedWithRef(JsonNode reply, String refJson) {
        assertThat(isType(reply, "error")).as("reply %s", reply).isTrue();
        assertThat(reply.path("code").asText()).as("reply %s", reply).isEqualTo("MALFORMED");
        assertThat(reply.path("ref").toString()).as("reply %s", reply).isEqualTo(refJson);
    }

    @Test
    void upgrade_from_a_foreign_origin_is_refused_with_403() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            assertThat(edge.upgradeStatus("https://evil.example", null)).isEqualTo(403);
            assertThat(edge.upgradeStatus("http://localhost:3000.evil.example", null)).isEqualTo(403);
            assertThat(edge.upgradeStatus("https://localhost:3000", null)).isEqualTo(403);
            assertThat(edge.upgradeStatus("null", null)).isEqualTo(403);
            assertThat(edge.server().openConnections()).isZero();
        }
    }

    @Test
    void upgrade_from_an_allowed_origin_or_without_origin_is_accepted() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            assertThat(edge.upgradeStatus(EdgeHarness.LOCAL_DEV_ORIGIN, null)).isEqualTo(101);
            assertThat(edge.upgradeStatus(edge.ownOrigin(), null)).as("the server's own origin").isEqualTo(101);
            assertThat(edge.upgradeStatus(null, null)).as("a CLI sends no Origin").isEqualTo(101);
        }
    }

    @Test
    void upgrade_with_an_unknown_empty_or_logged_out_token_is_refused_with_401() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            String loggedOut = edge.guestToken(TestNames.unique("gone_"));
            assertThat(edge.post("/api/auth/logout", loggedOut, null).statusCode()).isEqualTo(204);

            assertThat(edge.upgradeStatus(null, "not-a-real-token")).isEqualTo(401);
            assertThat(edge.upgradeStatus(null, "")).isEqualTo(401);
            assertThat(edge.upgradeStatus(null, loggedOut)).isEqualTo(401);
            assertThat(edge.upgradeStatus(EdgeHarness.LOCAL_DEV_ORIGIN, "not-a-real-token")).isEqualTo(401);
            assertThat(edge.server().openConnections()).isZero();
        }
    }

    @Test
    void upgrade_with_a_valid_token_joins_under_the_tokens_name() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            String name = TestNames.unique("tok_");
            Client client = edge.connect(null, edge.guestToken(name));

            client.send(frame("type", "join", "ref", 1, "room", TestNames.unique("tokens "), "name", "ignored_name"));

            assertThat(isType(client.next(), "ack")).isTrue();
            assertThat(isType(client.next(), "messageHistory")).isTrue();
            JsonNode roomData = client.next();
            assertThat(roomData.path("users").findValuesAsText("username")).containsExactly(name);
        }
    }

    @Test
    void burst_of_1000_garbage_frames_neither_stops_the_server_nor_disturbs_another_members_chat() throws Exception {
        try (EdgeHarness edge = EdgeHarness.start(EdgeConfig.defaults(Set.of(EdgeHarness.LOCAL_DEV_ORIGIN)),
                EdgeHarness.NO_MESSAGE_LIMIT)) {
            String room = TestNames.unique("garbage ");
            Client alice = edge.connect();
            Client bob = edge.connect();
            Client vandal = edge.connect();
            alice.join(room, TestNames.unique("al_"));
            bob.join(room, TestNames.unique("bo_"));
            vandal.join(room, TestNames.unique("va_"));
            List<String> garbage = garbage(room);

            CompletableFuture<Integer> burst = CompletableFuture.supplyAsync(() -> {
                int sent = 0;
                try {
                    for (; sent < 1000; sent++) {
                        vandal.send(garbage.get(sent % garbage.size()));
                    }
                } catch (AssertionError closedOnUs) {
                    // the server may cut a client that floods it: allowed, checked below
                }
                return sent;
            });
            int messages = 30;
            for (int i = 0; i < messages; i++) {
                alice.send(frame("type", "sendMessage", "ref", "m" + i, "room", room, "tempId", "m" + i, "text", "hello " + i));
                JsonNode reply = alice.nextMatching(f -> isType(f, "messageConfirmed") || isType(f, "error"), "reply m" + i);
                assertThat(isType(reply, "messageConfirmed")).as("reply %s", reply).isTrue();
            }
            int garbageSent = burst.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

            List<Long> seqs = new ArrayList<>();
            while (seqs.size() < messages) {
                JsonNode f = bob.nextMatching(EdgeHarness::isUserMessage, "message " + (seqs.size() + 1));
                seqs.add(f.path("message").path("seq").asLong());
            }
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, messages).boxed().toList());
            bob.assertAnswersPing("bob-alive");

            List<JsonNode> vandalReplies = new ArrayList<>();
            boolean vandalCut = EdgeHarness.eventually(() -> {
                vandalReplies.addAll(vandal.drain());
                return vandal.isClosed() || vandalReplies.stream().filter(f -> isType(f, "error")).count() >= 1000;
            }, PATIENCE);
            assertThat(vandalCut).as("every garbage frame answered, or the vandal cut off").isTrue();
            List<JsonNode> errors = vandalReplies.stream().filter(f -> isType(f, "error")).toList();
            assertThat(errors).as("garbage gets error frames").isNotEmpty();
            assertThat(errors).allSatisfy(e -> assertThat(e.path("code").asText()).isEqualTo("MALFORMED"));
            assertThat(vandalReplies).noneMatch(f -> isType(f, "ack") || isType(f, "pong") || isType(f, "messageConfirmed"));
            if (vandal.isClosed()) {
                Object closed = vandal.closeCode().handle((code, failure) -> code != null ? code : failure)
                        .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(closed).as("a flooder is cut with a policy violation, not a server error (got %s)", closed)
                        .isEqualTo(POLICY_VIOLATION);
            } else {
                assertThat(garbageSent).isEqualTo(1000);
                assertThat(errors).hasSize(1000);
            }

            assertThat(edge.get("/health").statusCode()).isEqualTo(200);
            JsonNode history = EdgeHarness.parse(edge.get("/api/rooms/" + room.replace(" ", "%20") + "/messages?limit=100").body());
            assertThat(history.path("messages").findValuesAsText("text")).as("garbage stored nothing")
                    .containsExactlyElementsOf(LongStream.range(0, messages).mapToObj(i -> "hello " + i).toList());
            Client late = edge.connect();
            List<JsonNode> joined = late.join(room, TestNames.unique("la_"));
            assertThat(joined.get(1).path("messages")).hasSize(messages);
        }
    }

    /** Frames that are not JSON objects, break the JSON rules or the frame rules: every one is MALFORMED. */
    private static List<String> garbage(String room) {
        return List.of(
                "not json at all",
                "",
                "   ",
                "[]",
                "[{\"type\":\"ping\"}]",
                "42",
                "null",
                "\"join\"",
                "{",
                "{}",
                "{\"type\":5}",
                "{\"type\":null}",
                "{\"type\":\"nope\"}",
                "{\"type\":\"" + "x".repeat(5000) + "\"}",
                "{\"type\":\"join\"}",
                frame("type", "join", "room", List.of(room)),
                frame("type", "sendMessage", "room", room, "tempId", 5, "text", "evil tempId"),
                frame("type", "sendMessage", "room", room, "tempId", "t", "text", List.of("evil text")),
                "{\"type\":\"sendMessage\",\"room\":\"" + room + "\",\"tempId\":\"d\",\"text\":\"evil\",\"text\":\"dup\"}",
                "{\"type\":\"sendMessage\",\"room\":\"" + room + "\",\"tempId\":\"tr\",\"text\":\"evil trailing\"} x",
                "{\"type\":\"ping\",\"type\":\"ping\"}",
                "{\"type\":\"ping\"} {\"type\":\"ping\"}",
                "{\"type\":\"ping\",\"ref\":{\"nested\":true}}",
                "{\"type\":\"ping\",\"ref\":\"" + "r".repeat(200) + "\"}",
                "{\"type\":\"join\",\"room\":\"" + room + "\",\"sinceSeq\":" + "9".repeat(100) + "}",
                "{\"type\":\"join\",\"room\":\"" + room + "\",\"sinceSeq\":\"0\"}",
                "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                "{\"type\":\"typing\"}",
                "{\"type\":\"leave\",\"room\":true}",
                "{'type':'ping'}",
                "\u0000\u0001\u0002");
    }

    /** A ping frame padded to exactly {@code bytes} bytes of UTF-8. */
    private static String pingOfExactly(int bytes, String ref) {
        String head = "{\"type\":\"ping\",\"ref\":\"" + ref + "\",\"pad\":\"";
        String tail = "\"}";
        String frame = head + "p".repeat(bytes - head.length() - tail.length()) + tail;
        assertThat(frame.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return frame;
    }
}
