package io.chillin.chat.server;

import io.chillin.chat.adapter.javalin.ChatHttpServer;
import io.chillin.chat.adapter.javalin.EdgeConfig;
import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.port.out.ChatMetrics;
import io.chillin.chat.server.metrics.MetricsEndpoint;
import io.chillin.chat.server.metrics.MicrometerChatMetrics;
import io.chillin.chat.server.metrics.ServerMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running server instance: its backends, the core wired on them, and the HTTP/WebSocket edge. */
public final class ChatServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);
    /** How often ended sessions are looked for: a logout anywhere closes its sockets within about this. */
    private static final long SESSION_CHECK_MILLIS = 250;

    private final Backends backends;
    private final ChatHttpServer http;
    private final ScheduledExecutorService housekeeping;
    private final String mode;
    private final MetricsEndpoint metricsEndpoint;

    private final ServerMetrics serverMetrics;

    private ChatServer(Backends backends, ChatHttpServer http, ScheduledExecutorService housekeeping, String mode,
                       MetricsEndpoint metricsEndpoint, ServerMetrics serverMetrics) {
        this.serverMetrics = serverMetrics;
        this.backends = backends;
        this.http = http;
        this.housekeeping = housekeeping;
        this.mode = mode;
        this.metricsEndpoint = metricsEndpoint;
    }

    /**
     * Opens the backends, wires the core and starts listening.
     *
     * @throws io.chillin.chat.domain.ChatException.Unavailable when a backend does not answer
     */
    public static ChatServer start(ServerConfig config) {
        Clock clock = Clock.systemUTC();
        ServerMetrics serverMetrics = config.metrics().enabled() ? new ServerMetrics() : null;
        PrometheusMeterRegistry metrics = serverMetrics == null ? null : serverMetrics.registry();
        Backends backends;
        try {
            backends = Backends.open(config, clock, metrics);
        } catch (RuntimeException e) {
            if (serverMetrics != null) {
                serverMetrics.close();
            }
            throw e;
        }
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("housekeeping").factory());
        MetricsEndpoint metricsEndpoint = null;
        try {
            ChatCore core = ChatCore.create(backends.ports(), backends.settings(), clock,
                    metrics == null ? ChatMetrics.NONE : new MicrometerChatMetrics(metrics, clock));
            config.cluster().ifPresent(cluster -> sweepPresenceRegularly(core, cluster.presenceTtl(), housekeeping));
            regularly(housekeeping, "session check", SESSION_CHECK_MILLIS, core::checkSessions);
            if (!config.emptyRoomTtl().isZero()) {
                expireRoomsRegularly(core, config.emptyRoomTtl(), housekeeping);
            }
            EdgeConfig edge = new EdgeConfig(config.allowedOrigins(), EdgeConfig.DEFAULT_MAX_FRAME_BYTES,
                    config.outboundQueueFrames(), config.trustedProxies(), config.strictTransport(), EdgeConfig.DEFAULT_KEEP_ALIVE,
                    config.sendsInFlight());
            boolean ownPort = metrics != null && config.metrics().port().isPresent();
            ChatHttpServer http = new ChatHttpServer(core, edge, backends.probes(), metrics, metrics != null && !ownPort)
                    .start(config.host(), config.port());
            if (ownPort) {
                metricsEndpoint = MetricsEndpoint.start(config.host(), config.metrics().port().get(), metrics);
                LOG.info("metrics on http://{}:{}/metrics", config.host(), metricsEndpoint.port());
            }
            String mode = backends.clustered() ? "cluster instance" : config.postgres().isPresent()
                    ? "single instance on PostgreSQL" : "single instance, embedded";
            LOG.info("Chillin Chatroom listening on http://{}:{} ({}): {}", config.host(), http.port(), mode,
                    backends.summary());
            return new ChatServer(backends, http, housekeeping, mode, metricsEndpoint, serverMetrics);
        } catch (RuntimeException e) {
            if (metricsEndpoint != null) {
                metricsEndpoint.close();
            }
            if (serverMetrics != null) {
                serverMetrics.close();
            }
            housekeeping.shutdownNow();
            backends.close();
            throw e;
        }
    }

    /** Forgets the members of dead instances a few times per presence TTL, so they leave within about one TTL. */
    private static void sweepPresenceRegularly(ChatCore core, Duration presenceTtl, ScheduledExecutorService housekeeping) {
        regularly(housekeeping, "presence sweep", Math.max(100, presenceTtl.toMillis() / 4), core::sweepPresence);
    }

    /**
     * Deletes the empty rooms quick-joins left behind, within about a quarter of the TTL past it (at most a minute):
     * often enough that they do not pile up, rarely enough that the look costs nothing.
     */
    private static void expireRoomsRegularly(ChatCore core, Duration ttl, ScheduledExecutorService housekeeping) {
        long every = Math.clamp(ttl.toMillis() / 4, 250, 60_000);
        regularly(housekeeping, "room expiry", every, () -> {
            int expired = core.expireIdleRooms(ttl).size();
            if (expired > 0) {
                LOG.info("deleted {} room(s) a quick-join made that nobody used for {} s", expired, ttl.toSeconds());
            }
        });
    }

    /** Runs a task with a fixed delay; a failure is logged once until the task succeeds again (a backend outage). */
    private static void regularly(ScheduledExecutorService housekeeping, String name, long everyMillis, Runnable task) {
        AtomicBoolean failing = new AtomicBoolean();
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                task.run();
                if (failing.getAndSet(false)) {
                    LOG.info("{} works again", name);
                }
            } catch (RuntimeException e) {
                if (!failing.getAndSet(true)) {
                    LOG.warn("{} failed: {}", name, e.getMessage());
                }
            }
        }, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    /** Lets a running task finish: an interrupt inside a database call could close the embedded database. */
    private void stopHousekeeping() {
        housekeeping.shutdown();
        try {
            if (!housekeeping.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("a housekeeping task is still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return http.port();
    }

    /** The port of the metrics' own endpoint, when CHAT_METRICS_PORT asked for one. */
    public OptionalInt metricsPort() {
        return metricsEndpoint == null ? OptionalInt.empty() : OptionalInt.of(metricsEndpoint.port());
    }

    public String mode() {
        return mode;
    }

    /** Drains connections, then closes the backends. */
    @Override
    public void close() {
        LOG.info("shutting down: closing {} connection(s)", http.openConnections());
        stopHousekeeping();
        try {
            http.close();
            if (metricsEndpoint != null) {
                metricsEndpoint.close();
            }
        } finally {
            backends.close();
            if (serverMetrics != null) {
                serverMetrics.close();
            }
        }
    }
}
