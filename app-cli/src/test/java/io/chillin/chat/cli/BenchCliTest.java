package io.chillin.chat.cli;

import io.chillin.chat.testing.TestBackends;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.cli.support.Cli;
import io.chillin.chat.cli.support.Cli.Run;
import io.chillin.chat.cli.support.Names;
import io.chillin.chat.server.support.PostgresDatabase;
import io.chillin.chat.server.support.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bench ...} against real servers started here, on loopback, with small sizes. */
class BenchCliTest {

    /** A benchmark server: the per-user message limit raised, as docs/benchmarks.md advises. */
    private static final Map<String, String> BENCH_SERVER = Map.of("CHAT_MESSAGES_PER_10S", "100000");

    @Test
    void connect_opens_every_connection_and_each_answers_a_ping() {
        try (TestServer server = TestServer.start(BENCH_SERVER)) {
            Run run = Cli.run(Map.of(), "bench", "connect", "--url", server.url(), "--connections", "200", "--json",
                    "--watch", "server=" + ProcessHandle.current().pid());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode result = run.json();
            assertThat(result.path("opened").asInt()).isEqualTo(200);
            assertThat(result.path("alive").asInt()).isEqualTo(200);
            assertThat(result.path("connect").path("count").asInt()).isEqualTo(200);
            assertThat(result.path("connect").path("p99").asDouble()).isPositive();
            assertThat(result.path("ping").path("count").asInt()).isEqualTo(200);
            assertThat(result.path("memory").path("rssBefore").path("server").asLong()).isPositive();
            assertThat(result.path("memory").path("rssHeld").path("server").asLong()).isPositive();
            assertThat(result.path("memory").has("bytesPerConnection")).isTrue();
            assertThat(result.path("memory").path("perJoinedConnection").asBoolean()).as("connect only").isFalse();
            assertThat(result.path("join").path("rooms").asInt()).isZero();
            assertThat(result.path("join").path("joined").asInt()).isZero();
        }
    }

    @Test
    void connect_with_join_joins_every_connection_to_one_of_the_rooms_and_each_answers_a_ping() {
        try (TestServer server = TestServer.start(BENCH_SERVER)) {
            Run run = Cli.run(Map.of(), "bench", "connect", "--url", server.url(), "--connections", "20", "--join", "3",
                    "--json", "--watch", "server=" + ProcessHandle.current().pid());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode result = run.json();
            JsonNode join = result.path("join");
            assertThat(join.path("rooms").asInt()).isEqualTo(3);
            assertThat(join.path("joined").asInt()).isEqualTo(20);
            assertThat(join.path("refusedByCode").isEmpty()).as(join.toString()).isTrue();
            assertThat(join.path("latency").path("count").asInt()).isEqualTo(20);
            assertThat(join.path("joinedPerSecond").asDouble()).isPositive();
            assertThat(result.path("alive").asInt()).as("member lists arriving meanwhile are no pongs").isEqualTo(20);
            assertThat(result.path("ping").path("count").asInt()).isEqualTo(20);
            assertThat(result.path("memory").path("perJoinedConnection").asBoolean()).isTrue();
            JsonNode rooms = server.http().get("/api/rooms").body().path("rooms");
            assertThat(rooms.findValuesAsText("name")).as("the connections spread over 3 rooms of the run")
                    .hasSize(3).allMatch(name -> name.matches("bench-[0-9a-z]{4}-[012]"));

            Run printed = Cli.run(Map.of(), "bench", "connect", "--url", server.url(), "--connections", "4", "--join", "2",
                    "--watch", "server=" + ProcessHandle.current().pid());

            assertThat(printed.exitCode()).as(printed.toString()).isZero();
            assertThat(printed.out()).contains("each joining one of 2 room(s)", "opened and joined 4 in", "join -> ack",
                    "KiB per joined connection", "OK:").containsPattern("joined \\(acknowledged\\)\\s+4");
        }
    }

    @Test
    void connect_with_join_fails_when_the_server_refuses_joins_and_reports_their_code() {
        // one new room per address and hour, and no address exempt: of 3 connections joining 3 new rooms, one creates its room
        try (TestServer server = TestServer.start(Map.of("CHAT_ROOMS_PER_ADDRESS_PER_HOUR", "1", "CHAT_RATE_LIMIT_EXEMPT", ""))) {
            Run run = Cli.run(Map.of(), "bench", "connect", "--url", server.url(), "--connections", "3", "--join", "3",
                    "--json");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            JsonNode result = run.json();
            assertThat(result.path("opened").asInt()).isEqualTo(3);
            assertThat(result.path("alive").asInt()).as("refused, but connected").isEqualTo(3);
            assertThat(result.path("join").path("joined").asInt()).isEqualTo(1);
            assertThat(result.path("join").path("refusedByCode").path("RATE_LIMITED").asInt()).isEqualTo(2);
            assertThat(result.path("ok").asBoolean()).isFalse();

            Run printed = Cli.run(Map.of(), "bench", "connect", "--url", server.url(), "--connections", "2", "--join", "2");

            assertThat(printed.exitCode()).isEqualTo(1);
            assertThat(printed.out()).contains("joins refused: {RATE_LIMITED=2}", "NOT OK");
        }
    }

    @Test
    void fanout_delivers_every_message_to_every_member_exactly_once_in_order() {
        try (TestServer server = TestServer.start(BENCH_SERVER)) {
            Run run = Cli.run(Map.of(), "bench", "fanout", "--url", server.url(), "--rooms", "3", "--members", "5",
                    "--rate", "20", "--duration", "2s", "--json", "--watch", "server=" + ProcessHandle.current().pid());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode result = run.json();
            assertThat(result.path("cpu").path("seconds").path("server").asDouble()).as("the server runs in this JVM").isPositive();
            assertThat(result.path("cpu").path("microsPerDelivery").asDouble()).isPositive();
            JsonNode counts = result.path("counts");
            assertThat(counts.path("sent").asLong()).isBetween(100L, 120L);
            assertThat(counts.path("acknowledged").asLong()).isEqualTo(counts.path("sent").asLong());
            assertThat(counts.path("delivered").asLong()).isEqualTo(counts.path("acknowledged").asLong() * 5);
            assertThat(counts.path("lost").asLong()).isZero();
            assertThat(counts.path("duplicated").asLong()).isZero();
            assertThat(counts.path("outOfOrder").asLong()).isZero();
            assertThat(result.path("delivery").path("count").asLong()).isEqualTo(counts.path("delivered").asLong());
            assertThat(result.path("delivery").path("p50").asDouble()).isPositive();
            assertThat(result.path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void fanout_prints_counts_throughput_and_latency_percentiles() {
        try (TestServer server = TestServer.start(BENCH_SERVER)) {
            Run run = Cli.run(Map.of(), "bench", "fanout", "--url", server.url(), "--rooms", "1", "--members", "3",
                    "--rate", "5", "--duration", "1s");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("bench fanout: 1 room(s) x 3 members", "acknowledged", "lost", "duplicated",
                    "out of order", "throughput:", "LATENCY (ms)", "P50", "P90", "P99", "MAX", "send -> confirmed",
                    "send -> refused", "send -> delivered", "OK:");
        }
    }

    @Test
    void fanout_warms_up_in_rooms_of_its_own_and_counts_only_the_measured_run() {
        try (TestServer server = TestServer.start(BENCH_SERVER)) {
            Run run = Cli.run(Map.of(), "bench", "fanout", "--url", server.url(), "--rooms", "1", "--members", "3",
                    "--rate", "10", "--warmup", "2s", "--duration", "1s", "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).containsPattern("warm-up: \\d+ message\\(s\\) acknowledged in 2 s");
            JsonNode result = run.json();
            assertThat(result.path("counts").path("sent").asLong()).as("the measured second only").isEqualTo(10);
            assertThat(result.path("counts").path("acknowledged").asLong()).isEqualTo(10);
        }
    }

    @Test
    void fanout_reports_what_the_servers_rate_limit_refused_how_soon_and_fails() {
        try (TestServer server = TestServer.start(Map.of())) {
            Run run = Cli.run(Map.of(), "bench", "fanout", "--url", server.url(), "--rooms", "1", "--members", "2",
                    "--rate", "20", "--duration", "2s", "--drain", "3s", "--json");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("CHAT_MESSAGES_PER_10S");
            JsonNode result = run.json();
            long refused = result.path("rejectedByCode").path("RATE_LIMITED").asLong();
            assertThat(refused).isPositive();
            assertThat(result.path("refusal").path("count").asLong()).as("every refusal's wait").isEqualTo(refused);
            assertThat(result.path("refusalByCode").path("RATE_LIMITED").path("count").asLong()).isEqualTo(refused);
            assertThat(result.path("refusal").path("max").asDouble()).isPositive();
            assertThat(result.path("ack").path("count").asLong()).as("confirmations are not refusals")
                    .isEqualTo(result.path("counts").path("acknowledged").asLong());
            assertThat(result.path("counts").path("lost").asLong()).isZero();
            assertThat(result.path("ok").asBoolean()).isFalse();

            Run printed = Cli.run(Map.of(), "bench", "fanout", "--url", server.url(), "--rooms", "1", "--members", "2",
                    "--rate", "20", "--duration", "2s", "--drain", "3s");

            assertThat(printed.exitCode()).isEqualTo(1);
            assertThat(printed.out()).containsPattern("send -> refused\\s+[1-9]\\d*\\s");
        }
    }

    @Test
    void connect_spreads_its_connections_over_the_source_addresses_given() {
        // 10 sockets per address at most, and no address exempt: 30 connections pass only from 3 addresses
        try (TestServer server = TestServer.start(Map.of("CHAT_CONNECTIONS_PER_ADDRESS", "10", "CHAT_RATE_LIMIT_EXEMPT", ""))) {
            Run one = Cli.run(Map.of(), "bench", "connect", "--url", server.url(), "--connections", "30", "--json");
            Run three = Cli.run(Map.of(), "bench", "connect", "--url", server.url(), "--connections", "30",
                    "--source-addresses", "127.0.0.1,127.0.0.2,127.0.0.3", "--json");

            assertThat(one.exitCode()).isEqualTo(1);
            assertThat(one.json().path("failed").path("HTTP 429").asInt()).as("the cap's refusals, by status").isEqualTo(20);
            assertThat(three.exitCode()).as(three.toString()).isZero();
            assertThat(three.json().path("alive").asInt()).isEqualTo(30);
        }
    }

    @Test
    void source_addresses_that_are_not_ip_addresses_are_refused_before_anything_is_sent() {
        Run name = Cli.run(Map.of(), "bench", "connect", "--url", "http://127.0.0.1:9", "--source-addresses", "localhost");
        assertThat(name.exitCode()).isEqualTo(2);
        assertThat(name.err()).contains("--source-addresses");
        assertThat(Cli.run(Map.of(), "bench", "connect", "--url", "http://127.0.0.1:9", "--source-addresses", "0").exitCode())
                .isEqualTo(2);
        assertThat(Cli.run(Map.of(), "bench", "fanout", "--url", "http://127.0.0.1:9", "--source-addresses", "127.0.0.300")
                .exitCode()).isEqualTo(2);
        Run secure = Cli.run(Map.of(), "bench", "connect", "--url", "https://127.0.0.1:9", "--source-addresses", "2");
        assertThat(secure.exitCode()).isEqualTo(2);
        assertThat(secure.err()).contains("ws://");
    }

    @Test
    void cross_spreads_a_room_over_two_instances_and_measures_delivery_between_them() throws IOException {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            Map<String, String> cluster = new HashMap<>(database.env());
            cluster.putAll(BENCH_SERVER);
            cluster.put("REDIS_URL", TestBackends.redisUrl());
            cluster.put("CHAT_REDIS_PREFIX", Names.unique("cli-bench-"));
            cluster.put("CHAT_BLOB_DIR", Files.createTempDirectory("cli-bench-blobs").toString());
            try (TestServer a = TestServer.start(cluster); TestServer b = TestServer.start(cluster)) {
                Run run = Cli.run(Map.of(), "bench", "cross", "--url", a.url(), "--url", b.url(), "--members", "6",
                        "--rate", "10", "--duration", "2s", "--json");

                assertThat(run.exitCode()).as(run.toString()).isZero();
                JsonNode result = run.json();
                assertThat(result.path("urls")).hasSize(2);
                assertThat(result.path("counts").path("lost").asLong()).isZero();
                assertThat(result.path("counts").path("duplicated").asLong()).isZero();
                assertThat(result.path("counts").path("outOfOrder").asLong()).isZero();
                assertThat(result.path("crossInstanceDelivery").path("count").asLong()).isPositive();
                assertThat(result.path("sameInstanceDelivery").path("count").asLong()).isPositive();
            }
        }
    }

    @Test
    void cross_needs_two_instances() {
        Run run = Cli.run(Map.of(), "bench", "cross", "--url", "http://127.0.0.1:9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("at least two instances");
    }

    @Test
    void sizes_beyond_the_bounds_are_refused_before_anything_is_sent() {
        assertThat(Cli.run(Map.of(), "bench", "connect", "--url", "http://127.0.0.1:9", "--connections", "20001").exitCode())
                .isEqualTo(2);
        assertThat(Cli.run(Map.of(), "bench", "fanout", "--url", "http://127.0.0.1:9", "--rooms", "1000", "--members", "21")
                .exitCode()).isEqualTo(2);
        assertThat(Cli.run(Map.of(), "bench", "fanout", "--url", "http://127.0.0.1:9", "--duration", "2h").exitCode())
                .isEqualTo(2);
    }

    @Test
    void a_watch_that_is_not_name_equals_a_running_pid_is_refused_before_anything_is_sent() {
        Run noPid = Cli.run(Map.of(), "bench", "fanout", "--url", "http://127.0.0.1:9", "--watch", "server");
        assertThat(noPid.exitCode()).isEqualTo(2);
        assertThat(noPid.err()).contains("NAME=PID");
        Run notANumber = Cli.run(Map.of(), "bench", "connect", "--url", "http://127.0.0.1:9", "--watch", "db=abc");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("not a pid");
    }

    @Test
    void connections_that_cannot_be_opened_are_counted_and_fail_the_run() {
        Run run = Cli.run(Map.of(), "bench", "connect", "--url", "http://127.0.0.1:9", "--connections", "5",
                "--timeout", "2s", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.json().path("opened").asInt()).isZero();
        assertThat(run.json().path("failed").toString()).contains("5");
    }
}
