package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.PostgresDatabase;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A burst of clients that join a room with history and vanish within milliseconds, on a freshly started
 * server. Closing a socket must never interrupt a database call (an interrupt inside H2's file I/O closes
 * the embedded database for everyone), and a join racing its own disconnect must not leave a ghost member.
 */
class DroppedConnectionsEndToEndTest {

    /** A CI-sized share of the reported 1,000; the full burst is `bench connect`'s business. */
    private static final int DROPPED = 400;
    private static final Duration SETTLE = Duration.ofSeconds(20);
    /** The keeper writes the room's history quickly. */
    private static final String[] ENOUGH_MESSAGES = {"CHAT_MESSAGES_PER_10S", "1000"};

    @Test
    void dropped_joiners_leave_the_embedded_database_open_and_no_ghost_members() throws Exception {
        try (TestServer server = TestServer.start(ENOUGH_MESSAGES)) {
            burstOfDroppedJoiners(server);
        }
    }

    @Test
    void dropped_joiners_leave_postgresql_serving_and_no_ghost_members() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create();
             TestServer server = TestServer.start(with(database.serverEnv(), ENOUGH_MESSAGES))) {
            burstOfDroppedJoiners(server);
        }
    }

    private static void burstOfDroppedJoiners(TestServer server) throws Exception {
        String room = TestServer.name("drop-");
        try (WsClient keeper = WsClient.connect(server.port())) {
            keeper.join(room, "name", TestServer.name("keep"));
            for (int i = 0; i < 30; i++) {
                keeper.send("type", "sendMessage", "room", room, "tempId", "h" + i, "text", "history " + i, "ref", "h" + i);
                keeper.next("messageConfirmed");
            }

            HttpClient http = HttpClient.newHttpClient();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<CompletableFuture<Void>> drops = new ArrayList<>();
                for (int i = 0; i < DROPPED; i++) {
                    int n = i;
                    drops.add(CompletableFuture.runAsync(() -> joinAndVanish(http, server.port(), room, n), pool));
                }
                CompletableFuture.allOf(drops.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            assertThat(eventually(() -> memberCount(server, room) == 1))
                    .as("only the keeper is left in the room (members now: %d)", memberCount(server, room)).isTrue();
            assertThat(server.http().get("/health/ready").status()).isEqualTo(200);
            keeper.send("type", "sendMessage", "room", room, "tempId", "after", "text", "still here", "ref", "after");
            JsonNode confirmed = keeper.next("messageConfirmed");
            assertThat(confirmed.path("seq").asLong()).isEqualTo(31);
            try (WsClient late = WsClient.connect(server.port())) {
                List<JsonNode> joined = late.join(room, "name", TestServer.name("late"));
                assertThat(joined.get(1).path("messages")).hasSize(31);
            }
        }
    }

    /** Opens a socket, joins with sinceSeq 0 (history to read from the store) and cuts the connection at once. */
    private static void joinAndVanish(HttpClient http, int port, String room, int n) {
        try {
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS);
            ws.sendText("{\"type\":\"join\",\"room\":\"" + room + "\",\"name\":\"gone" + n + "x\",\"sinceSeq\":0}", true)
                    .get(5, TimeUnit.SECONDS);
            if (n % 2 == 0) {
                Thread.sleep(n % 7);
            }
            ws.abort();
        } catch (Exception e) {
            throw new IllegalStateException("joiner " + n + " could not even connect", e);
        }
    }

    private static String[] with(String[] settings, String[] more) {
        List<String> all = new ArrayList<>(List.of(settings));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static int memberCount(TestServer server, String room) {
        for (JsonNode r : server.http().get("/api/rooms").body().path("rooms")) {
            if (r.path("name").asText().equals(room)) {
                return r.path("memberCount").asInt();
            }
        }
        return -1;
    }

    private static boolean eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.get();
    }
}
