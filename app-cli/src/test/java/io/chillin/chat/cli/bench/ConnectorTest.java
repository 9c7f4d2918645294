package io.chillin.chat.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.cli.net.ServerUrl;
import io.chillin.chat.server.support.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both clients a bench can run on (the NIO one for ws://, java.net.http's for wss://, here both on ws:// since the
 * test server has no TLS) open connections, carry frames both ways and close them the same way.
 */
class ConnectorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Map<String, Function<Integer, BenchTransport>> CLIENTS = Map.of(
            "nio", connections -> new NioTransport(TIMEOUT, List.of()),
            "jdk", connections -> new JdkTransport(TIMEOUT, connections));

    @ParameterizedTest
    @ValueSource(strings = {"nio", "jdk"})
    void opens_every_connection_each_answers_its_ping_and_closes_normally(String client) throws Exception {
        int n = 40;
        Map<Integer, BenchFrame> pongs = new ConcurrentHashMap<>();
        try (TestServer server = TestServer.start();
             Connector connector = new Connector(List.of(ServerUrl.parse(server.url())), 8, TIMEOUT,
                     Map.of("ws", CLIENTS.get(client).apply(n)))) {
            Connector.Opened opened = connector.open(n, i -> (frame, at) -> pongs.put(i, frame),
                    System.nanoTime() + TIMEOUT.toNanos());

            assertThat(opened.open()).isEqualTo(n);
            assertThat(opened.failures()).isEmpty();
            assertThat(opened.latency().summary().count()).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                opened.connections().get(i).send("{\"type\":\"ping\",\"ref\":" + i + "}");
            }
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (pongs.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(pongs).hasSize(n);
            pongs.forEach((i, frame) -> assertThat(frame).extracting(BenchFrame::type, BenchFrame::ref)
                    .containsExactly("pong", Integer.toString(i)));

            Connector.closeAll(opened.connections());
            List<CompletableFuture<Integer>> closed = opened.connections().stream().filter(Objects::nonNull)
                    .map(BenchSocket::closed).toList();
            for (CompletableFuture<Integer> c : closed) {
                assertThat(c.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "jdk"})
    void each_connection_joins_its_room_as_soon_as_it_is_open_and_counts_once_acknowledged(String client) throws Exception {
        int n = 12;
        GuestJoins joins = new GuestJoins(BenchRun.fresh(), 3, n);
        try (TestServer server = TestServer.start();
             Connector connector = new Connector(List.of(ServerUrl.parse(server.url())), 4, TIMEOUT,
                     Map.of("ws", CLIENTS.get(client).apply(n)))) {
            Connector.Opened opened = connector.open(n, i -> (frame, at) -> joins.answer(i, frame, at), joins.onOpen(),
                    System.nanoTime() + TIMEOUT.toNanos());
            joins.awaitAnswers(System.nanoTime() + TIMEOUT.toNanos());

            ConnectBench.Joins summary = joins.summary(opened.startedNanos());
            assertThat(summary.joined()).as("the history, member lists and notices that came with them count for nothing")
                    .isEqualTo(n);
            assertThat(summary.refusedByCode()).isEmpty();
            assertThat(summary.latency().count()).isEqualTo(n);
            assertThat(summary.joinedPerSecond()).isPositive();
            Connector.closeAll(opened.connections());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nio", "jdk"})
    void upgrades_the_server_refuses_are_counted_by_their_http_status(String client) throws Exception {
        try (TestServer server = TestServer.start(Map.of("CHAT_CONNECTIONS_PER_ADDRESS", "2", "CHAT_RATE_LIMIT_EXEMPT", ""));
             Connector connector = new Connector(List.of(ServerUrl.parse(server.url())), 1, TIMEOUT,
                     Map.of("ws", CLIENTS.get(client).apply(5)))) {
            Connector.Opened opened = connector.open(5, i -> (frame, at) -> { }, System.nanoTime() + TIMEOUT.toNanos());

            assertThat(opened.open()).isEqualTo(2);
            assertThat(opened.failures()).isEqualTo(Map.of("HTTP 429", 3L));
            Connector.closeAll(opened.connections());
        }
    }
}
