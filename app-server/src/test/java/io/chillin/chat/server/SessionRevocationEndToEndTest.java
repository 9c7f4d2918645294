package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.PostgresDatabase;
import io.chillin.chat.server.support.TestCluster;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A socket lives no longer than its session (docs/PROTOCOL.md, close code 4001): a logout, on this instance or
 * another, and an admin ending an account's sessions close its sockets, and what they send after it is refused.
 */
class SessionRevocationEndToEndTest {

    private static final int SESSION_ENDED = 4001;

    @Test
    void embedded_logout_closes_the_sessions_sockets_and_nothing_sent_after_it_is_stored() throws Exception {
        try (TestServer server = TestServer.start()) {
            String name = TestServer.name("rev");
            String token = server.http().register(name);
            String otherToken = login(server.http(), name);
            String room = TestServer.name("rev-room-");
            try (WsClient revoked = WsClient.connect(server.port(), token);
                 WsClient kept = WsClient.connect(server.port(), otherToken)) {
                revoked.join(room);
                kept.join(room);

                assertThat(server.http().post("/api/auth/logout", Http.json(), token).status()).isEqualTo(204);
                try {
                    revoked.send("type", "sendMessage", "room", room, "tempId", "late", "text", "after the logout", "ref", "late");
                } catch (RuntimeException alreadyClosed) {
                    // the close came first: the client could not even send it
                }

                assertThat(revoked.awaitClose()).isEqualTo(SESSION_ENDED);
                kept.send("type", "ping", "ref", "still");
                assertThat(kept.next("pong").path("ref").asText()).isEqualTo("still");
                Http.Response history = server.http().get("/api/rooms/" + room + "/messages", otherToken);
                assertThat(history.body().path("messages")).as("the send after the logout was not stored").isEmpty();
            }
        }
    }

    @Test
    void embedded_an_admin_ending_an_accounts_sessions_through_backends_of_its_own_closes_its_sockets() throws Exception {
        try (TestServer server = TestServer.start()) {
            String name = TestServer.name("adm");
            String token = server.http().register(name);
            try (WsClient socket = WsClient.connect(server.port(), token)) {
                socket.join(TestServer.name("adm-room-"));

                endSessionsAsAnAdmin(server.env(), name);

                assertThat(socket.awaitClose()).isEqualTo(SESSION_ENDED);
                assertThat(server.http().get("/api/me", token).status()).isEqualTo(401);
            }
        }
    }

    @Test
    void cluster_a_logout_on_one_instance_closes_the_sockets_on_every_instance() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            try (TestCluster cluster = TestCluster.start(database, 2)) {
                List<TestServer> instances = cluster.instances();
                TestServer a = instances.get(0);
                TestServer b = instances.get(1);
                String name = TestServer.name("clu");
                String token = a.http().register(name);
                String second = login(a.http(), name);
                try (WsClient onB = WsClient.connect(b.port(), token);
                     WsClient secondOnA = WsClient.connect(a.port(), second);
                     WsClient secondOnB = WsClient.connect(b.port(), second)) {
                    onB.join(TestServer.name("clu-room-"));

                    assertThat(a.http().post("/api/auth/logout", Http.json(), token).status()).isEqualTo(204);
                    assertThat(onB.awaitClose()).isEqualTo(SESSION_ENDED);

                    endSessionsAsAnAdmin(a.env(), name);
                    assertThat(secondOnA.awaitClose()).isEqualTo(SESSION_ENDED);
                    assertThat(secondOnB.awaitClose()).isEqualTo(SESSION_ENDED);
                }
            }
        }
    }

    private static String login(Http http, String name) {
        Http.Response r = http.post("/api/auth/login", Http.json("username", name, "password", "secret-pw"));
        assertThat(r.status()).isEqualTo(200);
        return r.body().path("token").asText();
    }

    /**
     * What the CLI's `users logout-all`, `users reset-password` and `users delete` do to the sessions, through
     * backends of their own (in this JVM H2 shares its engine; EmbeddedDatabaseTest shows a second process).
     */
    private static void endSessionsAsAnAdmin(Map<String, String> env, String name) {
        try (Backends admin = Backends.open(ServerConfig.fromEnvironment(env), Clock.systemUTC())) {
            admin.ports().sessions().deleteAllOf(Identity.registered(Username.of(name)).key());
        }
    }
}
