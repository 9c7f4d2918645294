package io.chillin.chat.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.adapter.redis.PrivateRedisServer;
import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three server instances behind nginx on loopback (deploy/local-cluster.sh), on a PostgreSQL and a Redis
 * of the test's own, through an instance crash, a Redis restart and a PostgreSQL outage. Each test leaves
 * the cluster whole again.
 */
class ClusterResilienceTest {

    private static PrivatePostgres postgres;
    private static PrivateRedisServer redis;
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        postgres = PrivatePostgres.create();
        redis = PrivateRedisServer.start();
        cluster = LocalCluster.up(3, Map.of(
                "DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(postgres.port()), "DB_NAME", "chillin",
                "DB_USER", "postgres", "REDIS_URL", redis.url(),
                "CHAT_MESSAGES_PER_10S", "10000", "CHAT_AUTH_ATTEMPTS_PER_MINUTE", "100000",
                "CHAT_RATE_LIMIT_EXEMPT", "127.0.0.0/8"));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Http via(int port) {
        return new Http(port);
    }

    private static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toSeconds() + " s: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Sends {@code count} messages from one connection at a steady pace; returns the seqs acknowledged. */
    private static List<Long> steadyStream(WsClient sender, String room, int count, Duration pace, Runnable atQuarter)
            throws InterruptedException {
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            sender.send("type", "sendMessage", "room", room, "tempId", "s" + i, "text", "steady " + i);
            JsonNode reply = sender.next(f -> f.path("type").asText().matches("messageConfirmed|error"), "a reply");
            if (reply.path("type").asText().equals("messageConfirmed")) {
                acknowledged.add(reply.path("seq").asLong());
            } else {
                assertThat(reply.path("code").asText()).as("a failed send says why").isEqualTo("UNAVAILABLE");
            }
            if (i == count / 4) {
                atQuarter.run();
            }
            Thread.sleep(pace.toMillis());
        }
        return acknowledged;
    }

    /** Runs the stream while the members read (and resume), then waits until each has caught up with it. */
    private static List<Long> streamWhilePumping(List<ResumingMember> members, Callable<List<Long>> streamer)
            throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<List<Long>> stream = runner.submit(streamer);
            while (!stream.isDone()) {
                members.forEach(m -> m.pump(Duration.ofMillis(20)));
            }
            List<Long> acknowledged = stream.get();
            long last = acknowledged.getLast();
            await(() -> {
                members.forEach(m -> m.pump(Duration.ofMillis(20)));
                return members.stream().allMatch(m -> m.lastSeq() >= last);
            }, Duration.ofSeconds(30), "every member caught up to seq " + last);
            return acknowledged;
        } finally {
            runner.shutdownNow();
        }
    }

    private static List<Long> oneTo(long last) {
        return LongStream.rangeClosed(1, last).boxed().toList();
    }

    @Test
    void members_on_three_instances_behind_nginx_get_every_message_once_in_order_and_agree_on_who_is_there() {
        String room = TestServer.name("trio-");
        Http http = via(cluster.nginxPort());
        List<WsClient> members = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                WsClient member = WsClient.connect(cluster.instancePort(i), http.register(TestServer.name("m" + i)));
                members.add(member);
                member.join(room);
            }
            for (WsClient member : members) {
                for (int k = 0; k < 5; k++) {
                    member.send("type", "sendMessage", "room", room, "tempId", "t" + k, "text", "hello " + k);
                }
            }
            for (WsClient member : members) {
                List<Long> seqs = new ArrayList<>();
                while (seqs.size() < 15) {
                    seqs.add(member.next(f -> f.path("type").asText().equals("message") && f.path("message").has("seq"),
                            "a message").path("message").path("seq").asLong());
                }
                assertThat(seqs).containsExactlyElementsOf(oneTo(15));
            }
            for (int i = 1; i <= 3; i++) {
                String rooms = via(cluster.instancePort(i)).get("/api/rooms").raw().body();
                assertThat(rooms).contains("\"name\":\"" + room + "\"");
                assertThat(rooms).containsPattern("\"name\":\"" + room + "\"[^}]*\"memberCount\":3");
            }
        } finally {
            members.forEach(WsClient::close);
        }
    }

    @Test
    void a_crashed_instance_costs_its_clients_nothing_and_its_users_leave_within_15_seconds() throws Exception {
        String room = TestServer.name("crash-");
        Http http = via(cluster.nginxPort());
        String ghostName = TestServer.name("ghost");
        WsClient ghost = WsClient.connect(cluster.instancePort(1));
        ghost.join(room, "name", ghostName);
        WsClient observer = WsClient.connect(cluster.instancePort(3));
        observer.join(room, "name", TestServer.name("watcher"));
        List<ResumingMember> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(new ResumingMember(cluster.nginxPort(), http.register(TestServer.name("r" + i)), room));
        }
        WsClient sender = WsClient.connect(cluster.instancePort(2), http.register(TestServer.name("sender")));
        sender.join(room);

        ConcurrentLinkedQueue<Long> killedAt = new ConcurrentLinkedQueue<>();
        List<Long> acknowledged = streamWhilePumping(members, () -> steadyStream(sender, room, 80, Duration.ofMillis(40), () -> {
            try {
                cluster.kill(1);
                killedAt.add(System.nanoTime());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        long last = acknowledged.getLast();

        assertThat(acknowledged).containsExactlyElementsOf(oneTo(80));
        for (ResumingMember m : members) {
            assertThat(m.seen()).as("exactly once, in order").containsExactlyElementsOf(oneTo(last));
        }
        assertThat(members.stream().mapToInt(ResumingMember::reconnects).sum())
                .as("some members were on the killed instance").isPositive();
        observer.next(f -> f.path("type").asText().equals("roomData")
                && !f.path("users").toString().contains(ghostName), "a roomData without the crashed instance's user");
        assertThat(Duration.ofNanos(System.nanoTime() - killedAt.peek())).isLessThan(Duration.ofSeconds(15));

        members.forEach(ResumingMember::close);
        observer.close();
        sender.close();
        cluster.start(1);
    }

    @Test
    void a_redis_restart_loses_no_acknowledged_message() throws Exception {
        String room = TestServer.name("redis-");
        Http http = via(cluster.nginxPort());
        List<ResumingMember> members = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            members.add(new ResumingMember(cluster.instancePort(i), http.register(TestServer.name("q" + i)), room));
        }
        WsClient sender = WsClient.connect(cluster.instancePort(1), http.register(TestServer.name("sender")));
        sender.join(room);

        List<Long> acknowledged = streamWhilePumping(members, () -> steadyStream(sender, room, 60, Duration.ofMillis(40), () -> {
            try {
                redis.kill();
                Thread.sleep(1500);
                redis.startProcess();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        long last = acknowledged.getLast();

        for (ResumingMember m : members) {
            assertThat(m.seen()).as("every acknowledged message, once, in order").containsExactlyElementsOf(oneTo(last));
        }
        members.forEach(ResumingMember::close);
        sender.close();
    }

    @Test
    void a_postgresql_outage_fails_sends_clearly_turns_readiness_503_and_recovers() throws Exception {
        String room = TestServer.name("pg-");
        Http instance = via(cluster.instancePort(2));
        WsClient member = WsClient.connect(cluster.instancePort(2), instance.register(TestServer.name("pg")));
        member.join(room);
        postgres.stop();
        try {
            member.send("type", "sendMessage", "room", room, "tempId", "during", "text", "while the database is down");
            JsonNode error = member.next(f -> f.path("type").asText().matches("messageConfirmed|error"), "a reply");
            assertThat(error.path("type").asText()).as("never a false acknowledgement").isEqualTo("error");
            assertThat(error.path("code").asText()).isEqualTo("UNAVAILABLE");
            Http.Response ready = instance.get("/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body().path("backends").path("database").path("status").asText()).isEqualTo("down");
        } finally {
            postgres.start();
        }
        await(() -> instance.get("/health/ready").status() == 200, Duration.ofSeconds(30), "readiness back to 200");
        member.send("type", "sendMessage", "room", room, "tempId", "after", "text", "the database is back");
        JsonNode confirmed = member.next(f -> f.path("type").asText().matches("messageConfirmed|error"), "a reply");
        assertThat(confirmed.path("type").asText()).isEqualTo("messageConfirmed");
        assertThat(confirmed.path("seq").asLong()).as("nothing was stored during the outage").isEqualTo(1);
        member.close();
    }
}
