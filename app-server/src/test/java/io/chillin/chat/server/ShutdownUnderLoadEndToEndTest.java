package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.PostgresDatabase;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import io.chillin.chat.testing.TestBackends;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server stopped while it is busy (what SIGTERM does, through the shutdown hook) closes every client with 1001 so
 * they reconnect elsewhere, and loses nothing it acknowledged: each confirmed message is in the history afterwards.
 * Embedded, and as a cluster instance on PostgreSQL and Redis.
 */
class ShutdownUnderLoadEndToEndTest {

    private static final int SENDERS = 5;
    private static final int LISTENERS = 10;
    /** Sends per sender at most: all of them fit one join's history page (500). */
    private static final int MAX_SENDS = 80;

    @Test
    void stopping_a_busy_embedded_server_closes_clients_with_1001_and_keeps_every_acknowledged_message() throws Exception {
        try (TestServer server = TestServer.start("CHAT_MESSAGES_PER_10S", "100000")) {
            stopUnderLoadAndCheck(server);
        }
    }

    @Test
    void stopping_a_busy_cluster_instance_closes_clients_with_1001_and_keeps_every_acknowledged_message() throws Exception {
        Path blobs = Files.createTempDirectory("stop-blobs");
        try (PostgresDatabase database = PostgresDatabase.create()) {
            List<String> env = new ArrayList<>(List.of(database.serverEnv()));
            env.addAll(List.of("REDIS_URL", TestBackends.redisUrl(), "CHAT_REDIS_PREFIX", TestServer.name("stop-"),
                    "CHAT_MESSAGES_PER_10S", "100000", "CHAT_BLOB_DIR", blobs.toString()));
            try (TestServer server = TestServer.start(env.toArray(String[]::new))) {
                stopUnderLoadAndCheck(server);
            }
        }
    }

    private static void stopUnderLoadAndCheck(TestServer server) throws Exception {
        String room = TestServer.name("busy-");
        List<WsClient> clients = new ArrayList<>();
        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        CountDownLatch loaded = new CountDownLatch(SENDERS);
        List<Thread> senders = new ArrayList<>();
        try {
            for (int i = 0; i < LISTENERS + SENDERS; i++) {
                WsClient c = WsClient.connect(server.port());
                c.join(room, "name", TestServer.name("m"));
                clients.add(c);
            }
            for (int s = 0; s < SENDERS; s++) {
                WsClient sender = clients.get(LISTENERS + s);
                String prefix = "s" + s + "-";
                senders.add(Thread.ofPlatform().start(() -> sendUntilClosed(sender, room, prefix, confirmed, loaded)));
            }
            assertThat(loaded.await(30, TimeUnit.SECONDS)).as("every sender had messages confirmed").isTrue();

            server.restart(); // closes the running server as its shutdown hook does, then starts it again

            for (WsClient c : clients) {
                assertThat(c.awaitClose()).as("told to reconnect elsewhere").isEqualTo(1001);
            }
            for (Thread t : senders) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
        } finally {
            clients.forEach(WsClient::close);
        }

        try (WsClient after = WsClient.connect(server.port())) {
            JsonNode history = after.join(room, "name", TestServer.name("late"), "sinceSeq", 0).get(1);
            Set<String> stored = new HashSet<>();
            history.path("messages").forEach(m -> stored.add(m.path("text").asText()));
            assertThat(confirmed).isNotEmpty();
            assertThat(stored).as("nothing acknowledged was lost").containsAll(confirmed);
        }
    }

    /** Sends one message at a time and waits for its answer, until the server closes the socket. */
    private static void sendUntilClosed(WsClient sender, String room, String prefix, Set<String> confirmed,
                                        CountDownLatch loaded) {
        boolean counted = false;
        try {
            for (int i = 0; i < MAX_SENDS && !sender.isClosed(); i++) {
                String text = prefix + i;
                sender.send("type", "sendMessage", "room", room, "tempId", text, "text", text, "ref", text);
                JsonNode answer = sender.next(f -> text.equals(f.path("ref").asText()), "the answer to " + text);
                if (answer.path("type").asText().equals("messageConfirmed")) {
                    confirmed.add(text);
                    if (!counted && i >= 5) {
                        counted = true;
                        loaded.countDown();
                    }
                }
            }
        } catch (RuntimeException | AssertionError closedMeanwhile) {
            // the server went away under the sender: what it confirmed before is what counts
        } finally {
            if (!counted) {
                loaded.countDown();
            }
        }
    }
}
