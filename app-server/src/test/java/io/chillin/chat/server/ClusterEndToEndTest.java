package io.chillin.chat.server;

import io.chillin.chat.testing.TestBackends;
import static io.chillin.chat.server.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.PostgresDatabase;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three instances sharing PostgreSQL and Redis: users on different instances chat as if on one. */
class ClusterEndToEndTest {

    private static PostgresDatabase database;
    private static final List<TestServer> instances = new ArrayList<>();

    @BeforeAll
    static void startCluster() {
        database = PostgresDatabase.create();
        String prefix = TestServer.name("cluster-");
        String sharedBlobs;
        try {
            sharedBlobs = java.nio.file.Files.createTempDirectory("cluster-blobs").toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < 3; i++) {
            List<String> env = new ArrayList<>(List.of(database.serverEnv()));
            env.addAll(List.of("REDIS_URL", TestBackends.redisUrl(),
                    "CHAT_REDIS_PREFIX", prefix, "CHAT_PRESENCE_TTL_MS", "1500", "CHAT_BLOB_DIR", sharedBlobs));
            instances.add(TestServer.start(env.toArray(String[]::new)));
        }
    }

    @AfterAll
    static void stopCluster() {
        instances.forEach(TestServer::close);
        database.close();
    }

    private static TestServer instance(int i) {
        return instances.get(i);
    }

    private static boolean isStored(JsonNode frame) {
        return frame.path("type").asText().equals("message") && frame.path("message").has("seq");
    }

    @Test
    void members_on_different_instances_receive_every_message_exactly_once_in_seq_order() throws Exception {
        String room = TestServer.name("spread-");
        List<WsClient> members = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                WsClient c = WsClient.connect(instance(i).port());
                members.add(c);
                c.join(room, "name", TestServer.name("m" + i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    WsClient c = members.get(i);
                    int sender = i;
                    sent.add(pool.submit(() -> {
                        for (int k = 0; k < 10; k++) {
                            c.send("type", "sendMessage", "room", room, "tempId", "t" + k, "text", "from " + sender + " #" + k);
                        }
                    }));
                }
                for (Future<?> f : sent) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            List<Long> expected = LongStream.rangeClosed(1, 30).boxed().toList();
            for (WsClient c : members) {
                List<Long> seqs = new ArrayList<>();
                while (seqs.size() < 30) {
                    seqs.add(c.next(ClusterEndToEndTest::isStored, "message").path("message").path("seq").asLong());
                }
                assertThat(seqs).containsExactlyElementsOf(expected);
                assertThat(c.quietFor(Duration.ofMillis(300))).noneMatch(ClusterEndToEndTest::isStored);
            }
        } finally {
            members.forEach(WsClient::close);
        }
    }

    @Test
    void the_online_list_and_member_counts_agree_on_every_instance() {
        String room = TestServer.name("who-");
        List<String> names = List.of(TestServer.name("a"), TestServer.name("b"), TestServer.name("c"));
        List<WsClient> members = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                WsClient c = WsClient.connect(instance(i).port());
                members.add(c);
                c.join(room, "name", names.get(i));
            }
            for (WsClient c : members) {
                JsonNode full = c.next(f -> f.path("type").asText().equals("roomData") && f.path("memberCount").asInt() == 3,
                        "roomData with all three");
                List<String> users = new ArrayList<>();
                full.path("users").forEach(u -> users.add(u.path("username").asText()));
                assertThat(users).containsExactlyElementsOf(names);
            }
            for (int i = 0; i < 3; i++) {
                JsonNode rooms = instance(i).http().get("/api/rooms").body().path("rooms");
                JsonNode listed = null;
                for (JsonNode r : rooms) {
                    if (r.path("name").asText().equals(room)) {
                        listed = r;
                    }
                }
                assertThat(listed).isNotNull();
                assertThat(listed.path("memberCount").asInt()).isEqualTo(3);
            }
            members.get(2).close();
            members.get(0).next(f -> f.path("type").asText().equals("roomData") && f.path("memberCount").asInt() == 2,
                    "roomData after one left on another instance");
        } finally {
            members.forEach(WsClient::close);
        }
    }

    @Test
    void a_room_list_watcher_on_one_instance_hears_of_joins_on_another() {
        String room = TestServer.name("lobby-");
        try (WsClient watcher = WsClient.connect(instance(2).port()); WsClient member = WsClient.connect(instance(0).port())) {
            watcher.send("type", "watchRooms");
            watcher.next("ack");
            member.join(room, "name", TestServer.name("j"));
            assertThat(watcher.next("roomListChanged").path("room").asText()).isEqualTo(room);
            JsonNode activity = watcher.next("roomActivity");
            assertThat(activity.path("room").asText()).isEqualTo(room);
            assertThat(activity.path("memberCount").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_display_name_present_on_one_instance_is_name_taken_on_another() {
        String room = TestServer.name("names-");
        String name = TestServer.name("same");
        try (WsClient first = WsClient.connect(instance(0).port()); WsClient second = WsClient.connect(instance(1).port())) {
            first.join(room, "name", name);
            second.send("type", "join", "room", room, "name", name);
            assertThat(second.next("error").path("code").asText()).isEqualTo("NAME_TAKEN");
        }
    }

    @Test
    void the_rate_limit_holds_across_instances() {
        String room = TestServer.name("rate-");
        String token = instance(0).http().register(TestServer.name("fast"));
        try (WsClient here = WsClient.connect(instance(0).port(), token);
             WsClient there = WsClient.connect(instance(1).port(), token)) {
            here.join(room);
            there.join(room);
            for (int i = 0; i < 5; i++) {
                WebSocketEndToEndTest.send(here, room, "here " + i);
                WebSocketEndToEndTest.send(there, room, "there " + i);
            }
            there.send("type", "sendMessage", "room", room, "tempId", "eleventh", "text", "one too many");
            assertThat(there.next("error").path("code").asText()).isEqualTo("RATE_LIMITED");
        }
    }

    @Test
    void wrong_room_passwords_guessed_on_one_instance_count_on_the_others() {
        Http first = instance(0).http();
        String room = TestServer.name("guess-");
        first.post("/api/rooms/create", json("name", room, "password", "letmein"), first.register(TestServer.name("gk")));
        int wrong = 0;
        while (wrong < 1_000 && first.post("/api/rooms/join", json("roomName", room, "password", "wrong!")).status() == 403) {
            wrong++;
        }

        assertThat(wrong).as("refused before 1000 wrong guesses").isLessThan(1_000);
        for (int i = 1; i < 3; i++) {
            Http.Response refused = instance(i).http().post("/api/rooms/join", json("roomName", room, "password", "letmein"));
            assertThat(refused.status()).as("instance " + i).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isNotBlank();
        }
    }

    @Test
    void a_session_made_on_one_instance_works_on_the_others_and_logout_ends_it_everywhere() {
        String token = instance(0).http().register(TestServer.name("roam"));
        for (int i = 0; i < 3; i++) {
            assertThat(instance(i).http().get("/api/me", token).status()).isEqualTo(200);
        }
        assertThat(instance(1).http().post("/api/auth/logout", null, token).status()).isEqualTo(204);
        for (int i = 0; i < 3; i++) {
            assertThat(instance(i).http().get("/api/me", token).status()).isEqualTo(401);
        }
    }

    @Test
    void a_room_created_on_one_instance_is_listed_and_joinable_on_the_others() {
        Http first = instance(0).http();
        String room = TestServer.name("made-");
        first.post("/api/rooms/create", json("name", room, "password", "letmein"), first.register(TestServer.name("mk")));
        assertThat(instance(2).http().get("/api/rooms").raw().body()).contains(room);
        assertThat(instance(2).http().post("/api/rooms/join", json("roomName", room, "password", "letmein")).status())
                .isEqualTo(200);
    }

    @Test
    void readiness_names_redis_for_the_shared_roles() {
        JsonNode backends = instance(0).http().get("/health/ready").body().path("backends");
        assertThat(backends.path("database").path("kind").asText()).isEqualTo("postgresql");
        assertThat(backends.path("bus").path("kind").asText()).isEqualTo("redis");
        assertThat(backends.path("presence").path("status").asText()).isEqualTo("up");
    }
}
