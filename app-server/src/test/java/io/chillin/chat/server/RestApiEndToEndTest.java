package io.chillin.chat.server;

import static io.chillin.chat.server.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.server.support.ServerPerClass;
import io.chillin.chat.server.support.Http.Response;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every REST row of PROTOCOL.md against the real server over real HTTP. */
class RestApiEndToEndTest {

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    private static void assertError(Response r, int status, String code) {
        assertThat(r.status()).as(r.body() == null ? "no body" : r.body().toString()).isEqualTo(status);
        assertThat(r.errorCode()).isEqualTo(code);
        assertThat(r.body().path("error").path("message").asText()).isNotBlank();
    }

    @Test
    void register_returns_201_with_user_and_token_and_never_a_hash() {
        String name = TestServer.name("reg");
        Response r = SERVER.http().post("/api/auth/register", json("username", name, "password", "secret-pw", "email", "a@b.io"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode user = r.body().path("user");
        assertThat(user.path("username").asText()).isEqualTo(name);
        assertThat(user.path("guest").asBoolean()).isFalse();
        assertThat(user.path("avatarUrl").asText()).isEqualTo("/api/users/" + name + "/avatar");
        assertThat(user.path("createdAt").asText()).endsWith("Z");
        assertThat(r.body().path("token").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(r.raw().body()).doesNotContainIgnoringCase("hash").doesNotContain("secret-pw");
        assertThat(SERVER.server().dataDir().resolve("blobs/avatars/" + name.toLowerCase(java.util.Locale.ROOT) + ".svg"))
                .as("the avatar is generated once and kept in the blob store").isRegularFile();
    }

    @Test
    void a_username_in_another_script_registers_with_201_and_its_avatar_is_stored_and_served() throws Exception {
        String name = "\u00e9" + TestServer.name("fo");
        Response r = SERVER.http().post("/api/auth/register", json("username", name, "password", "secret-pw"));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        JsonNode user = r.body().path("user");
        assertThat(user.path("username").asText()).isEqualTo(name);
        String avatarUrl = user.path("avatarUrl").asText();
        assertThat(avatarUrl).isEqualTo("/api/users/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/avatar");

        Response avatar = SERVER.http().get(avatarUrl);
        assertThat(avatar.status()).as(avatar.raw().body()).isEqualTo(200);
        assertThat(avatar.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(avatar.raw().body()).startsWith("<svg").contains(">\u00c9f<");
        byte[] served = avatar.raw().body().getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> stored = Files.list(SERVER.server().dataDir().resolve("blobs/avatars"))) {
            assertThat(stored.filter(f -> !f.toString().endsWith(".type")).map(RestApiEndToEndTest::bytes))
                    .as("the avatar served is the one stored at registration").anySatisfy(b -> assertThat(b).isEqualTo(served));
        }
        assertThat(SERVER.http().post("/api/auth/login", json("username", name.toUpperCase(Locale.ROOT), "password", "secret-pw"))
                .status()).isEqualTo(200);
        assertError(SERVER.http().post("/api/auth/register", json("username", name, "password", "secret-pw")), 409, "CONFLICT");
    }

    @Test
    void duplicate_username_ignoring_case_is_409_conflict() {
        String name = TestServer.name("dup");
        SERVER.http().register(name);
        assertError(SERVER.http().post("/api/auth/register", json("username", name.toUpperCase(), "password", "secret-pw")),
                409, "CONFLICT");
    }

    @Test
    void a_look_alike_of_a_taken_username_or_room_name_is_409_conflict_naming_it_without_a_field() {
        String digits = TestNames.digits();
        String cyrillicScope = "\u0455\u0441\u043e\u0440\u0435"; // all Cyrillic: passes for "scope"
        String token = SERVER.http().register("scope" + digits);
        SERVER.http().post("/api/rooms/create", json("name", "scope room " + digits), token);

        Response user = SERVER.http().post("/api/auth/register", json("username", cyrillicScope + digits, "password",
                "secret-pw"));
        Response room = SERVER.http().post("/api/rooms/create", json("name", cyrillicScope + " room " + digits), token);

        assertError(user, 409, "CONFLICT");
        assertThat(user.body().path("error").path("message").asText()).contains("'scope" + digits + "'");
        assertThat(user.body().path("error").has("field")).isFalse();
        assertError(room, 409, "CONFLICT");
        assertThat(room.body().path("error").path("message").asText()).contains("'scope room " + digits + "'");
        assertThat(SERVER.http().post("/api/auth/login", json("username", cyrillicScope + digits, "password",
                "secret-pw")).status()).as("nothing was made").isEqualTo(401);
    }

    @Test
    void invalid_registration_is_400_validation_naming_the_field_and_stores_nothing() {
        Response shortName = SERVER.http().post("/api/auth/register", json("username", "ab", "password", "secret-pw"));
        assertError(shortName, 400, "VALIDATION");
        assertThat(shortName.body().path("error").path("field").asText()).isEqualTo("username");

        String name = TestServer.name("pw");
        Response shortPassword = SERVER.http().post("/api/auth/register", json("username", name, "password", "12345"));
        assertError(shortPassword, 400, "VALIDATION");
        assertThat(shortPassword.body().path("error").path("field").asText()).isEqualTo("password");
        assertError(SERVER.http().post("/api/auth/login", json("username", name, "password", "12345")), 401, "UNAUTHORIZED");
    }

    @Test
    void a_64_character_password_is_accepted() {
        String name = TestServer.name("long");
        String password = "p".repeat(64);
        assertThat(SERVER.http().post("/api/auth/register", json("username", name, "password", password)).status()).isEqualTo(201);
        assertThat(SERVER.http().post("/api/auth/login", json("username", name, "password", password)).status()).isEqualTo(200);
    }

    @Test
    void login_works_and_failures_look_the_same_whether_or_not_the_user_exists() {
        String name = TestServer.name("log");
        SERVER.http().register(name);
        Response ok = SERVER.http().post("/api/auth/login", json("username", name, "password", "secret-pw"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().path("user").path("username").asText()).isEqualTo(name);

        Response wrong = SERVER.http().post("/api/auth/login", json("username", name, "password", "wrong-pw"));
        Response unknown = SERVER.http().post("/api/auth/login", json("username", TestServer.name("nobody"), "password", "wrong-pw"));
        assertError(wrong, 401, "UNAUTHORIZED");
        assertError(unknown, 401, "UNAUTHORIZED");
        assertThat(wrong.body().path("error").path("message")).isEqualTo(unknown.body().path("error").path("message"));
    }

    @Test
    void guest_gets_a_guest_user_and_a_working_token() {
        String name = TestServer.name("g");
        Response r = SERVER.http().post("/api/auth/guest", json("name", name));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("user").path("guest").asBoolean()).isTrue();
        String token = r.body().path("token").asText();
        assertThat(SERVER.http().get("/api/me", token).body().path("user").path("username").asText()).isEqualTo(name);
        assertError(SERVER.http().post("/api/auth/guest", json("name", "x")), 400, "VALIDATION");
    }

    @Test
    void a_guests_created_at_is_an_iso_utc_timestamp_like_a_registered_users() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Response guest = SERVER.http().post("/api/auth/guest", json("name", TestServer.name("g")));
        assertThat(guest.status()).isEqualTo(200);
        String createdAt = guest.body().path("user").path("createdAt").asText();
        assertThat(guest.body().path("user").path("createdAt").isTextual()).as(guest.body().toString()).isTrue();
        assertThat(createdAt).endsWith("Z");
        assertThat(Instant.parse(createdAt)).isAfterOrEqualTo(before);

        Response me = SERVER.http().get("/api/me", guest.body().path("token").asText());
        assertThat(me.body().path("user").path("guest").asBoolean()).isTrue();
        assertThat(me.body().path("user").path("createdAt").asText()).isEqualTo(createdAt);
    }

    @Test
    void me_needs_a_valid_token_and_logout_ends_it() {
        String token = SERVER.http().register(TestServer.name("me"));
        assertThat(SERVER.http().get("/api/me", token).status()).isEqualTo(200);
        assertError(SERVER.http().get("/api/me"), 401, "UNAUTHORIZED");
        assertError(SERVER.http().get("/api/me", "not-a-token"), 401, "UNAUTHORIZED");

        assertThat(SERVER.http().post("/api/auth/logout", null, token).status()).isEqualTo(204);
        assertError(SERVER.http().get("/api/me", token), 401, "UNAUTHORIZED");
        assertThat(WsUpgrade.status(SERVER.port(), token)).isEqualTo(401);
    }

    @Test
    void creating_a_room_needs_a_token_and_a_guest_token_is_enough() {
        String room = TestServer.name("room ");
        assertError(SERVER.http().post("/api/rooms/create", json("name", room)), 401, "UNAUTHORIZED");
        String guest = SERVER.http().post("/api/auth/guest", json("name", TestServer.name("g"))).body().path("token").asText();
        Response created = SERVER.http().post("/api/rooms/create", json("name", room, "description", "about things"), guest);
        assertThat(created.status()).isEqualTo(201);
        JsonNode json = created.body().path("room");
        assertThat(json.path("name").asText()).isEqualTo(room);
        assertThat(json.path("description").asText()).isEqualTo("about things");
        assertThat(json.path("isPrivate").asBoolean()).isFalse();
        assertThat(json.path("memberCount").asInt()).isZero();
        assertThat(json.path("createdAt").asText()).endsWith("Z");
        assertError(SERVER.http().post("/api/rooms/create", json("name", room.toUpperCase()), guest), 409, "CONFLICT");
    }

    @Test
    void invalid_rooms_are_refused_with_the_field() {
        String token = SERVER.http().register(TestServer.name("rv"));
        Response longName = SERVER.http().post("/api/rooms/create", json("name", "x".repeat(31)), token);
        assertError(longName, 400, "VALIDATION");
        assertThat(longName.body().path("error").path("field").asText()).as("the body's field").isEqualTo("name");
        Response noName = SERVER.http().post("/api/rooms/create", json("description", "nameless"), token);
        assertError(noName, 400, "VALIDATION");
        assertThat(noName.body().path("error").path("field").asText()).isEqualTo("name");
        Response joinLongName = SERVER.http().post("/api/rooms/join", json("roomName", "x".repeat(31)));
        assertError(joinLongName, 400, "VALIDATION");
        assertThat(joinLongName.body().path("error").path("field").asText()).isEqualTo("roomName");
        Response longDescription = SERVER.http().post("/api/rooms/create",
                json("name", TestServer.name("r"), "description", "d".repeat(201)), token);
        assertThat(longDescription.body().path("error").path("field").asText()).isEqualTo("description");
        Response shortPassword = SERVER.http().post("/api/rooms/create", json("name", TestServer.name("r"), "password", "123"), token);
        assertThat(shortPassword.body().path("error").path("field").asText()).isEqualTo("password");
    }

    @Test
    void private_room_is_listed_without_password_and_join_checks_it() {
        String token = SERVER.http().register(TestServer.name("pr"));
        String room = TestServer.name("secret ");
        SERVER.http().post("/api/rooms/create", json("name", room, "password", "letmein"), token);

        Response list = SERVER.http().get("/api/rooms");
        assertThat(list.status()).isEqualTo(200);
        JsonNode listed = null;
        for (JsonNode r : list.body().path("rooms")) {
            if (r.path("name").asText().equals(room)) {
                listed = r;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("isPrivate").asBoolean()).isTrue();
        assertThat(list.raw().body()).doesNotContain("letmein").doesNotContainIgnoringCase("hash");

        assertError(SERVER.http().post("/api/rooms/join", json("roomName", room, "password", "wrong!")), 403, "FORBIDDEN");
        assertError(SERVER.http().post("/api/rooms/join", json("roomName", room)), 403, "FORBIDDEN");
        Response ok = SERVER.http().post("/api/rooms/join", json("roomName", room, "password", "letmein"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body().path("room").path("name").asText()).isEqualTo(room);
        assertError(SERVER.http().post("/api/rooms/join", json("roomName", TestServer.name("ghost"))), 404, "NOT_FOUND");
    }

    @Test
    void history_pages_newest_first_cut_with_before_and_has_more() {
        String room = TestServer.name("hist");
        try (WsClient alice = WsClient.connect(SERVER.port())) {
            alice.join(room, "name", TestServer.name("al"));
            for (int i = 1; i <= 7; i++) {
                alice.send("type", "sendMessage", "room", room, "tempId", "t" + i, "text", "message " + i);
                alice.next("messageConfirmed");
            }
        }
        String path = "/api/rooms/" + room.replace(" ", "%20") + "/messages";
        Response latest = SERVER.http().get(path + "?limit=3");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(seqs(latest.body().path("messages"))).containsExactly(5L, 6L, 7L);
        assertThat(latest.body().path("hasMore").asBoolean()).isTrue();
        JsonNode first = latest.body().path("messages").get(0);
        assertThat(first.path("text").asText()).isEqualTo("message 5");
        assertThat(first.path("kind").asText()).isEqualTo("user");
        assertThat(first.path("room").asText()).isEqualTo(room);
        assertThat(first.has("id")).isTrue();
        assertThat(first.path("timestamp").asText()).endsWith("Z");

        Response older = SERVER.http().get(path + "?limit=3&before=5");
        assertThat(seqs(older.body().path("messages"))).containsExactly(2L, 3L, 4L);
        Response oldest = SERVER.http().get(path + "?limit=3&before=2");
        assertThat(seqs(oldest.body().path("messages"))).containsExactly(1L);
        assertThat(oldest.body().path("hasMore").asBoolean()).isFalse();
        assertThat(seqs(SERVER.http().get(path).body().path("messages"))).hasSize(7);

        assertError(SERVER.http().get(path + "?limit=101"), 400, "VALIDATION");
        assertError(SERVER.http().get(path + "?limit=abc"), 400, "VALIDATION");
        assertError(SERVER.http().get(path + "?before=-1"), 400, "VALIDATION");
        assertError(SERVER.http().get("/api/rooms/" + TestServer.name("nope") + "/messages"), 404, "NOT_FOUND");
    }

    @Test
    void private_room_history_is_for_present_members_only() {
        String token = SERVER.http().register(TestServer.name("ph"));
        String room = TestServer.name("vault");
        SERVER.http().post("/api/rooms/create", json("name", room, "password", "letmein"), token);
        assertError(SERVER.http().get("/api/rooms/" + room + "/messages"), 403, "FORBIDDEN");
        try (WsClient member = WsClient.connect(SERVER.port(), token)) {
            member.join(room, "password", "letmein");
            assertThat(SERVER.http().get("/api/rooms/" + room + "/messages", token).status()).isEqualTo(200);
        }
    }

    @Test
    void malformed_bodies_are_400_malformed_and_unknown_routes_404_json() {
        assertError(SERVER.http().post("/api/auth/register", "{not json"), 400, "MALFORMED");
        assertError(SERVER.http().post("/api/auth/register", "[1,2]"), 400, "MALFORMED");
        assertError(SERVER.http().post("/api/auth/register", json("username", 42, "password", "secret-pw")), 400, "MALFORMED");
        assertError(SERVER.http().post("/api/auth/login", ""), 400, "MALFORMED");
        assertError(SERVER.http().get("/api/nothing-here"), 404, "NOT_FOUND");
    }

    @Test
    void health_and_readiness_report_the_backends() {
        Response health = SERVER.http().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("ok");
        Response ready = SERVER.http().get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().path("backends").path("database").path("kind").asText()).isEqualTo("h2");
        assertThat(ready.body().path("backends").path("database").path("status").asText()).isEqualTo("up");
    }

    @Test
    void avatars_are_generated_svg_with_caching_headers() {
        Response avatar = SERVER.http().get("/api/users/alice_b/avatar");
        assertThat(avatar.status()).isEqualTo(200);
        assertThat(avatar.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(avatar.header("Cache-Control")).contains("max-age");
        assertThat(avatar.raw().body()).startsWith("<svg").contains(">AB<");
        assertThat(SERVER.http().get("/api/users/%3Cscript%3E/avatar").status()).isEqualTo(400);
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.util.List<Long> seqs(JsonNode messages) {
        java.util.List<Long> seqs = new java.util.ArrayList<>();
        messages.forEach(m -> seqs.add(m.path("seq").asLong()));
        return seqs;
    }

    /** The status of a refused WebSocket upgrade, or 101 when it was accepted. */
    static final class WsUpgrade {
        static int status(int port, String token) {
            try (WsClient client = WsClient.connect(port, token)) {
                return 101;
            } catch (WsClient.UpgradeRefused refused) {
                return refused.status;
            }
        }
    }
}
