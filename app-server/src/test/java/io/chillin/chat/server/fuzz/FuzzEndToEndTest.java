package io.chillin.chat.server.fuzz;

import static io.chillin.chat.server.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.ServerPerClass;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated hostile frames and requests against a running server (issue 9, item 10): each gets a typed answer, none
 * a 5xx or an INTERNAL error; the server stays up; and nothing is stored that an accepted input does not account
 * for. By default a share that fits CI; {@code -Dfuzz.frames}, {@code -Dfuzz.requests} and {@code -Dfuzz.seed} make
 * the full run of docs/fuzzing.md.
 */
class FuzzEndToEndTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    private static final long FRAMES = Long.getLong("fuzz.frames", 20_000L);
    private static final long REQUESTS = Long.getLong("fuzz.requests", 5_000L);
    private static final Duration QUIET = Duration.ofMillis(500);
    /**
     * High limits, and the fuzzer's own address spared the per-address ones, so that the limits do not hide the other
     * answers (RATE_LIMITED is still a typed answer: the password checks' memory budget is not configurable); and no
     * room expires during the run, so that every room an accepted join made is still there to be counted.
     */
    private static final Map<String, String> FUZZ_SETTINGS = Map.ofEntries(
            Map.entry("CHAT_MESSAGES_PER_10S", "1000000"),
            Map.entry("CHAT_AUTH_ATTEMPTS_PER_MINUTE", "1000000"),
            Map.entry("CHAT_LOGIN_FAILURES_PER_MINUTE", "1000000"),
            Map.entry("CHAT_ROOM_PASSWORD_FAILURES_PER_MINUTE", "1000000"),
            Map.entry("CHAT_ROOM_PASSWORD_FAILURES_PER_ROOM_PER_MINUTE", "1000000"),
            Map.entry("CHAT_JOINS_PER_MINUTE", "1000000"),
            Map.entry("CHAT_ROOMS_PER_USER_PER_HOUR", "1000000"),
            Map.entry("CHAT_WATCHES_PER_MINUTE", "1000000"),
            Map.entry("CHAT_ROOMS_PER_CONNECTION", "100000"),
            Map.entry("CHAT_CONNECTIONS_PER_USER", "1000000"),
            Map.entry("CHAT_RATE_LIMIT_EXEMPT", "127.0.0.0/8,::1"),
            Map.entry("CHAT_EMPTY_ROOM_TTL_SECONDS", String.valueOf(30 * 24 * 3600)));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The server of the findings below; the fuzz run starts its own, with high limits and nothing else in it. */
    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    @Test
    void generated_hostile_frames_and_requests_get_typed_answers_and_store_nothing_that_was_refused() {
        try (TestServer server = TestServer.start(FUZZ_SETTINGS)) {
            Http http = server.http();
            Vocabulary words = new Vocabulary("calm-" + Long.toString(Math.abs(SEED % 1_000_000_007L), 36),
                    "vault-" + Long.toString(Math.abs(SEED % 998_244_353L), 36));
            String ownerToken = http.register("fz_owner");
            String vaultPassword = UUID.randomUUID().toString();
            assertThat(http.post("/api/rooms/create", json("name", words.vault(), "password", vaultPassword), ownerToken)
                    .status()).isEqualTo(201);
            try (WsClient owner = WsClient.connect(server.port(), ownerToken);
                 WsClient watcher = WsClient.connect(server.port())) {
                owner.join(words.vault(), "password", vaultPassword);
                watcher.join(words.calmRoom(), "name", "calm_watcher");
                for (int i = 1; i <= 3; i++) {
                    say(watcher, words.calmRoom(), "calm " + i);
                    say(owner, words.vault(), "secret " + i);
                }
                owner.quietFor(QUIET);
                watcher.quietFor(QUIET);

                List<String> socketTokens = Arrays.asList(null, null, guest(http, "fz_guest1"), http.register("fz_member"));
                assertThat(http.post("/api/auth/register", json("username", "fz_user2", "password", "fuzz-password"))
                        .status()).isEqualTo(201);
                List<String> restTokens = List.of(guest(http, "fz_guest2"), login(http, "fz_user2", "fuzz-password"));
                String authToken = guest(http, "fz_guest3");
                String calmBefore = http.get("/api/rooms/" + words.calmRoom() + "/messages").raw().body();
                String vaultBefore = http.get("/api/rooms/" + words.vault() + "/messages", ownerToken).raw().body();
                StoreSnapshot before = StoreSnapshot.of(server);

                Fuzzer.Result result = new Fuzzer(SEED, FRAMES, REQUESTS).run(server.port(), words, socketTokens,
                        authToken, restTokens);
                System.out.println(result.summary());
                System.out.print(result.breakdown());

                StoreSnapshot after = StoreSnapshot.of(server);
                SoftAssertions soft = new SoftAssertions();
                soft.assertThat(result.tally().report()).as("findings").isEmpty();
                stillServes(soft, server);
                soft.assertThat(watcher.quietFor(QUIET)).as("what the calm room's member saw during the fuzz").isEmpty();
                soft.assertThat(owner.quietFor(QUIET)).as("what the vault's member saw during the fuzz").isEmpty();
                soft.assertThat(http.get("/api/rooms/" + words.calmRoom() + "/messages").raw().body())
                        .as("the calm room's history").isEqualTo(calmBefore);
                soft.assertThat(http.get("/api/rooms/" + words.vault() + "/messages", ownerToken).raw().body())
                        .as("the vault's history").isEqualTo(vaultBefore);
                storedOnlyWhatWasAccepted(soft, server, before, after, result.ledger());
                soft.assertAll();
            }
        }
    }

    // Findings of the fuzzer, each kept as the smallest input that shows it (docs/fuzzing.md lists them).

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=bogus", "application/json; charset="})
    void a_body_in_a_charset_nobody_knows_is_refused_with_a_typed_error_not_a_500(String contentType) {
        assertProtocolError(raw("POST", "/api/auth/guest", "{\"name\":\"fz_charset\"}", "Content-Type", contentType));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/rooms/%00/messages", "/api/rooms/%C0%AF/messages", "/api/rooms/%ED%A0%80/messages",
            "/api/users/%E0%80%80/avatar"})
    void a_path_the_http_server_refuses_gets_the_json_error_body_not_an_html_page(String target) {
        assertProtocolError(raw("GET", target, null));
    }

    @Test
    void an_over_long_uri_or_header_gets_the_json_error_body_not_an_html_page() {
        assertProtocolError(raw("GET", "/api/rooms/" + "a".repeat(9_000) + "/messages", null));
        assertProtocolError(raw("GET", "/api/me", null, "Authorization", "Bearer " + "A".repeat(9_000)));
    }

    @Test
    void a_body_over_64_kib_is_malformed_at_the_status_the_protocol_gives_malformed() {
        assertProtocolError(raw("POST", "/api/auth/guest", "{\"name\":\"fz_big\"}" + " ".repeat(70_000),
                "Content-Type", "application/json"));
    }

    @Test
    void a_ref_that_is_not_well_formed_unicode_comes_back_as_sent_or_is_refused_as_malformed() {
        try (WsClient client = WsClient.connect(SERVER.port())) {
            client.sendRaw("{\"type\":\"ping\",\"ref\":\"a\\ud800b\"}");
            JsonNode reply = client.next();
            if (!reply.path("code").asText().equals("MALFORMED")) {
                assertThat(reply.path("ref").asText()).as("the ref of " + reply).isEqualTo("a\uD800b");
            }
        }
    }

    @Test
    void frames_queued_behind_a_refused_auth_create_no_room_and_store_no_message() {
        String vault = privateRoom();
        String room = TestServer.name("fz-behind-");
        String name = TestServer.name("fzg");
        try (WsClient client = WsClient.connect(SERVER.port())) {
            // a wrong room password costs a password check: the frames sent meanwhile wait in the socket's queue
            client.sendRaw("{\"type\":\"join\",\"room\":\"" + vault + "\",\"name\":\"" + name
                    + "\",\"password\":\"wrong-password\"}");
            client.sendRaw("{\"type\":\"auth\",\"token\":\"no-such-token\"}");
            client.sendRaw("{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"" + name + "\"}");
            client.sendRaw("{\"type\":\"sendMessage\",\"room\":\"" + room + "\",\"tempId\":\"t1\",\"text\":\"behind\"}");
            assertThat(client.next().path("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(client.next().path("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(client.awaitClose()).isEqualTo(4001);
        } catch (IllegalStateException closedWhileSending) {
            // the close may overtake the last frames: they are refused either way
        }
        assertThat(SERVER.http().get("/api/rooms").raw().body()).as("rooms after the refused auth").doesNotContain(room);
    }

    @Test
    void an_auth_with_an_unknown_token_on_a_socket_that_has_an_identity_is_a_conflict_and_the_socket_stays() {
        String token = guest(SERVER.http(), TestServer.name("fzg"));
        try (WsClient client = WsClient.connect(SERVER.port(), token)) {
            client.send("type", "auth", "token", "no-such-token", "ref", "a1");
            JsonNode answer = client.next();
            assertThat(answer.path("code").asText()).as(answer.toString()).isEqualTo("CONFLICT");
            client.send("type", "ping", "ref", "p1");
            assertThat(client.next().path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void a_refusal_sent_before_the_body_was_read_still_reaches_the_client() {
        // the token is refused before the body is read; closing the connection with the body unread resets it, and
        // the reset can overtake the answer
        String body = "{\"name\":\"" + "a".repeat(60_000) + "\"}";
        int unanswered = 0;
        for (int i = 0; i < 600; i++) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(SERVER.server().url()
                                + "/api/rooms/create")).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer no-such-token").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
            } catch (java.io.IOException noAnswer) {
                unanswered++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(unanswered).as("requests of 600 that got no answer at all").isZero();
    }

    private static String privateRoom() {
        String owner = SERVER.http().register(TestServer.name("fzo"));
        String vault = TestServer.name("fz-vault-");
        assertThat(SERVER.http().post("/api/rooms/create", json("name", vault, "password", "right-password"), owner)
                .status()).isEqualTo(201);
        return vault;
    }

    /** PROTOCOL.md: a 4xx with {"error":{"code","message"}}, the code's own status, and the API's headers. */
    private static void assertProtocolError(HttpResponse<String> response) {
        String shown = response.statusCode() + " " + response.headers().map() + " " + response.body();
        JsonNode body = FrameCheck.strict(response.body());
        assertThat(response.statusCode()).as(shown).isBetween(400, 499);
        assertThat(body).as(shown).isNotNull();
        String code = body.path("error").path("code").asText();
        assertThat(FrameCheck.CODES).as(shown).contains(code);
        assertThat(body.path("error").path("message").asText()).as(shown).isNotBlank();
        assertThat(response.statusCode()).as(shown).isEqualTo(RequestCheck.STATUS.get(code));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(shown).contains("nosniff");
    }

    private static HttpResponse<String> raw(String method, String target, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SERVER.server().url() + target))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("no answer to " + method + " " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Every row the server holds is older than the run or was acknowledged to the fuzzer. What is neither is told
     * apart: rows a frame still in flight when its socket closed asked for (the socket closed, so nothing of it may
     * be stored), and rows no input accounts for at all.
     */
    private static void storedOnlyWhatWasAccepted(SoftAssertions soft, TestServer server, StoreSnapshot before,
                                                  StoreSnapshot after, Ledger ledger) {
        Set<String> newRooms = minus(after.rooms(), before.rooms());
        Set<String> unaccountedRooms = minus(newRooms, ledger.rooms);
        soft.assertThat(minus(unaccountedRooms, ledger.unansweredRooms)).as("rooms stored that no input accounts for")
                .isEmpty();
        // A valid join or send whose answer was lost because the socket closed (a later frame of the same client broke
        // the protocol) may still have been carried out: at least once, as PROTOCOL.md has a client retry with the
        // same tempId. Counted and shown, not a failure: what matters is that no refused input stored anything.
        int unansweredButStored = intersection(unaccountedRooms, ledger.unansweredRooms).size();
        soft.assertThat(minus(ledger.rooms, after.rooms())).as("rooms acknowledged but not stored").isEmpty();
        soft.assertThat(minus(after.users(), before.users())).as("users").isEqualTo(ledger.users);

        Set<Long> newMessages = minus(after.messages().keySet(), before.messages().keySet());
        Set<Long> unconfirmed = minus(minus(newMessages, ledger.messages.keySet()), ledger.salvaged);
        soft.assertThat(unconfirmed.stream().filter(id -> !ledger.unansweredTexts.contains(after.messages().get(id)))
                .map(id -> StoreSnapshot.describeMessage(server, id)))
                .as("messages stored that no input accounts for").isEmpty();
        unansweredButStored += (int) unconfirmed.stream()
                .filter(id -> ledger.unansweredTexts.contains(after.messages().get(id))).count();
        System.out.println("fuzz: " + unansweredButStored
                + " valid joins/sends carried out whose answer was lost with their closing socket");
        soft.assertThat(ledger.messages.keySet()).as("confirmed messages").isSubsetOf(newMessages);
        // A retry is confirmed with the stored message, whatever its own text: when the first send of that tempId
        // went unanswered, the text stored is that send's (and its being stored is counted above).
        soft.assertThat(ledger.messages.entrySet().stream()
                .filter(m -> !m.getValue().equals(after.messages().get(m.getKey())))
                .filter(m -> !ledger.unansweredTexts.contains(after.messages().get(m.getKey())))
                .map(m -> "#" + m.getKey() + " sent " + m.getValue() + ", stored " + after.messages().get(m.getKey())))
                .as("confirmed messages stored with another text than was sent").isEmpty();
        soft.assertThat(minus(ledger.delivered, after.messages().keySet()))
                .as("messages delivered to the fuzzer that are not stored").isEmpty();
        soft.assertThat(after.sessions()).as("sessions")
                .isEqualTo(before.sessions() + ledger.sessionsOpened.sum() - ledger.sessionsEnded.sum());
        soft.assertThat(after.revocations()).as("revocations").isEqualTo(before.revocations() + ledger.sessionsEnded.sum());
        soft.assertThat(after.avatars()).as("avatars").isEqualTo(before.avatars() + ledger.users.size());
    }

    /** After the fuzz: liveness, a fresh client's ping, and a fresh chat that works. */
    private static void stillServes(SoftAssertions soft, TestServer server) {
        soft.assertThat(server.http().get("/health").status()).as("/health").isEqualTo(200);
        try (WsClient fresh = WsClient.connect(server.port())) {
            fresh.send("type", "ping", "ref", "after-fuzz");
            JsonNode pong = fresh.next();
            soft.assertThat(pong.path("type").asText() + " " + pong.path("ref").asText()).isEqualTo("pong after-fuzz");
            String room = TestServer.name("after-");
            fresh.join(room, "name", "after_fuzz");
            say(fresh, room, "still here");
        }
    }

    private static void say(WsClient client, String room, String text) {
        client.send("type", "sendMessage", "room", room, "tempId", UUID.randomUUID().toString(), "text", text);
        client.next("messageConfirmed");
    }

    private static String guest(Http http, String name) {
        return http.post("/api/auth/guest", json("name", name)).body().path("token").asText();
    }

    private static String login(Http http, String username, String password) {
        return http.post("/api/auth/login", json("username", username, "password", password)).body().path("token").asText();
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> out = new HashSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static <T> Set<T> intersection(Set<T> a, Set<T> b) {
        Set<T> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }
}
