package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.PostgresDatabase;
import io.chillin.chat.server.support.TestCluster;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code /metrics} (README, "Operations"): scraped after known traffic, its counters say what happened. */
class MetricsEndToEndTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) (\\S+)$");

    /** Every sample of a scrape: name with its labels as printed, and its value. */
    private static Map<String, Double> scrape(int port) {
        HttpResponse<String> response = get(port, "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                samples.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return samples;
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double value(Map<String, Double> samples, String name) {
        assertThat(samples).as("a sample named %s", name).containsKey(name);
        return samples.get(name);
    }

    private static void traffic(TestServer server) {
        String room = TestServer.name("metrics-");
        try (WsClient alice = WsClient.connect(server.port(), server.http().register(TestServer.name("ali")));
             WsClient bob = WsClient.connect(server.port(), server.http().register(TestServer.name("bob")))) {
            alice.join(room);
            bob.join(room);
            for (int i = 1; i <= 5; i++) {
                alice.send("type", "sendMessage", "room", room, "tempId", "t" + i, "text", "message " + i);
                alice.next("messageConfirmed");
            }
            alice.send("type", "sendMessage", "room", room, "tempId", "t5", "text", "a retry");
            alice.next("messageConfirmed");
            for (int i = 1; i <= 5; i++) {
                bob.next(f -> f.path("type").asText().equals("message"), "a message");
            }
            bob.send("type", "join", "room", "", "ref", "bad");
            assertThat(bob.next("error").path("code").asText()).isEqualTo("VALIDATION");
        }
        assertThat(server.http().get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void after_known_traffic_the_counters_match_what_was_sent_received_stored_and_delivered() {
        try (TestServer server = TestServer.start()) {
            traffic(server);
            Map<String, Double> m = scrape(server.port());
            assertThat(value(m, "chat_messages_received_total")).isEqualTo(6);
            assertThat(value(m, "chat_messages_persisted_total")).as("the retry was not stored again").isEqualTo(5);
            assertThat(value(m, "chat_messages_delivered_total")).as("5 messages to 2 members").isEqualTo(10);
            assertThat(value(m, "chat_joins_total")).isEqualTo(2);
            assertThat(value(m, "chat_store_append_seconds_count")).isEqualTo(5);
            assertThat(value(m, "chat_send_to_deliver_seconds_count")).isEqualTo(5);
            assertThat(value(m, "chat_bus_publish_seconds_count")).isEqualTo(5);
            assertThat(value(m, "chat_refusals_total{code=\"VALIDATION\",transport=\"ws\"}")).isEqualTo(1);
            assertThat(value(m, "chat_refusals_total{code=\"UNAUTHORIZED\",transport=\"rest\"}")).isEqualTo(1);
            assertThat(value(m, "chat_slow_client_disconnects_total")).isZero();
            assertThat(m).containsKey("chat_outbound_queued_frames");
            assertThat(m).containsKey("chat_store_append_queue");
            assertThat(m.keySet()).anyMatch(k -> k.startsWith("chat_send_to_deliver_seconds_bucket{le="));
            assertThat(m.keySet()).as("the database pool").anyMatch(k -> k.startsWith("hikaricp_connections_active"));
            assertThat(m.keySet()).as("the JVM").anyMatch(k -> k.startsWith("jvm_memory_used_bytes"));
        }
    }

    @Test
    void open_connections_are_a_gauge_that_goes_back_down() throws InterruptedException {
        try (TestServer server = TestServer.start()) {
            try (WsClient one = WsClient.connect(server.port()); WsClient two = WsClient.connect(server.port())) {
                one.send("type", "ping", "ref", 1);
                one.next("pong");
                two.send("type", "ping", "ref", 2);
                two.next("pong");
                assertThat(value(scrape(server.port()), "chat_connections_open")).isEqualTo(2);
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (value(scrape(server.port()), "chat_connections_open") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(value(scrape(server.port()), "chat_connections_open")).isZero();
        }
    }

    @Test
    void with_a_metrics_port_they_are_served_there_only_and_with_metrics_off_nowhere() {
        try (TestServer server = TestServer.start("CHAT_METRICS_PORT", "0")) {
            int metricsPort = server.metricsPort();
            assertThat(get(server.port(), "/metrics").statusCode()).isEqualTo(404);
            assertThat(scrape(metricsPort)).containsKey("chat_connections_open");
        }
        try (TestServer off = TestServer.start("CHAT_METRICS", "false")) {
            assertThat(get(off.port(), "/metrics").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void a_cluster_instance_also_measures_its_redis_commands() {
        try (PostgresDatabase database = PostgresDatabase.create(); TestCluster cluster = TestCluster.start(database, 1)) {
            TestServer instance = cluster.instances().getFirst();
            traffic(instance);
            Map<String, Double> m = scrape(instance.port());
            assertThat(value(m, "chat_messages_delivered_total")).isEqualTo(10);
            assertThat(m.keySet()).as("Redis command latency").anyMatch(k -> k.startsWith("lettuce_command_completion"));
            assertDashboardAsksOnlyFor(m);
        }
    }

    /** Every series the Grafana dashboard in deploy/ queries is one a cluster instance serves. */
    private static void assertDashboardAsksOnlyFor(Map<String, Double> served) {
        String dashboard;
        try {
            dashboard = Files.readString(Path.of("..", "deploy", "grafana", "dashboards", "chillin.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher names = Pattern.compile("\\b((?:chat|hikaricp|lettuce|jvm|process)_[a-z_]+)").matcher(dashboard);
        int asked = 0;
        while (names.find()) {
            String name = names.group(1);
            asked++;
            assertThat(served.keySet()).as("the dashboard's %s", name).anyMatch(k -> k.startsWith(name));
        }
        assertThat(asked).isGreaterThan(10);
    }
}
