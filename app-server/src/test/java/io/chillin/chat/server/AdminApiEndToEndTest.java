package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.application.service.AdminService;
import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.ServerPerClass;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin REST API (docs/PROTOCOL.md, "Admin API"): the core's administration use cases, for admins only. */
class AdminApiEndToEndTest {

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    private static Http http() {
        return SERVER.http();
    }

    /** What `chillin users grant-admin NAME` does, through the administration backends of the server's configuration. */
    private static void grantAdmin(String name) {
        ServerConfig config = ServerConfig.fromEnvironment(SERVER.server().env());
        try (Backends backends = Backends.openForAdmin(config, Clock.systemUTC())) {
            AdminService.create(backends.adminPorts(), backends.settings(), Clock.systemUTC()).setAdmin(name, true);
        }
    }

    private static String adminToken() {
        String name = TestServer.name("boss");
        String token = http().register(name);
        grantAdmin(name);
        return token;
    }

    @Test
    void without_a_token_it_is_401_and_for_an_account_without_the_role_403_and_nothing_changes() {
        String user = http().register(TestServer.name("plain"));
        assertThat(http().get("/api/admin/users").status()).isEqualTo(401);
        assertThat(http().get("/api/admin/users", user).status()).isEqualTo(403);
        assertThat(http().get("/api/admin/users", user).errorCode()).isEqualTo("FORBIDDEN");
        String guest = http().post("/api/auth/guest", Http.json("name", TestServer.name("g"))).body().path("token").asText();
        assertThat(http().get("/api/admin/rooms", guest).status()).isEqualTo(403);
        String victim = TestServer.name("victim");
        http().register(victim);
        assertThat(http().delete("/api/admin/users/" + victim, user).status()).isEqualTo(403);
        assertThat(http().post("/api/auth/login", Http.json("username", victim, "password", "secret-pw")).status())
                .as("the account is still there").isEqualTo(200);
    }

    @Test
    void an_admin_creates_lists_and_deletes_accounts_resets_passwords_and_ends_sessions_without_seeing_a_hash() {
        String admin = adminToken();
        String name = TestServer.name("made");
        Http.Response created = http().post("/api/admin/users", Http.json("username", name, "password", "first-pw-1",
                "email", name + "@example.com"), admin);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("user").path("username").asText()).isEqualTo(name);
        assertThat(created.body().toString()).doesNotContain("argon2").doesNotContain("first-pw-1");
        assertThat(http().post("/api/admin/users", Http.json("username", name.toUpperCase(), "password", "first-pw-1"),
                admin).errorCode()).isEqualTo("CONFLICT");
        assertThat(http().post("/api/admin/users", Http.json("username", "x", "password", "first-pw-1"), admin)
                .errorCode()).isEqualTo("VALIDATION");

        JsonNode listed = http().get("/api/admin/users", admin).body().path("users");
        assertThat(listed.toString()).contains(name).doesNotContain("passwordHash");

        String token = http().post("/api/auth/login", Http.json("username", name, "password", "first-pw-1"))
                .body().path("token").asText();
        try (WsClient socket = WsClient.connect(SERVER.port(), token)) {
            assertThat(http().post("/api/admin/users/" + name + "/password", Http.json("password", "second-pw-2"), admin)
                    .status()).isEqualTo(204);
            assertThat(socket.awaitClose()).as("its sockets close with the session").isEqualTo(4001);
        }
        assertThat(http().get("/api/me", token).status()).isEqualTo(401);
        String again = http().post("/api/auth/login", Http.json("username", name, "password", "second-pw-2"))
                .body().path("token").asText();
        assertThat(http().post("/api/admin/users/" + name + "/logout-all", Http.json(), admin).status()).isEqualTo(204);
        assertThat(http().get("/api/me", again).status()).isEqualTo(401);

        assertThat(http().delete("/api/admin/users/" + name, admin).status()).isEqualTo(204);
        assertThat(http().get("/api/admin/users/" + name, admin).status()).isEqualTo(404);
    }

    @Test
    void an_admin_creates_rooms_with_the_users_rules_changes_their_password_and_deletes_them_with_their_members_told() {
        String admin = adminToken();
        String room = TestServer.name("adm-room-");
        Http.Response created = http().post("/api/admin/rooms", Http.json("name", room, "description", "By the admin",
                "password", "room-secret"), admin);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("room").path("isPrivate").asBoolean()).isTrue();
        assertThat(created.body().toString()).doesNotContain("room-secret").doesNotContain("argon2");
        assertThat(http().post("/api/admin/rooms", Http.json("name", room.toUpperCase()), admin).errorCode())
                .isEqualTo("CONFLICT");
        assertThat(http().post("/api/admin/rooms", Http.json("name", "bad\u200broom"), admin).errorCode())
                .isEqualTo("VALIDATION");

        JsonNode opened = http().put("/api/admin/rooms/" + room + "/password", Http.json("password", null), admin).body();
        assertThat(opened.path("room").path("isPrivate").asBoolean()).isFalse();
        assertThat(http().get("/api/admin/rooms", admin).body().path("rooms").toString()).contains(room);

        String member = http().register(TestServer.name("mem"));
        try (WsClient socket = WsClient.connect(SERVER.port(), member)) {
            socket.join(room);
            socket.send("type", "sendMessage", "room", room, "tempId", "t1", "text", "hello");
            socket.next("messageConfirmed");
            JsonNode deleted = http().delete("/api/admin/rooms/" + room, admin).body();
            assertThat(deleted.path("deletedMessages").asLong()).isEqualTo(1);
            assertThat(socket.next("roomDeleted").path("room").asText()).isEqualTo(room);
        }
        assertThat(http().delete("/api/admin/rooms/" + room, admin).status()).isEqualTo(404);
    }
}
