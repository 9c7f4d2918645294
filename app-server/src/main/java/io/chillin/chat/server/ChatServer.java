package io.chillin.chat.server;

import io.chillin.chat.adapter.crypto.Argon2PasswordHasher;
import io.chillin.chat.adapter.javalin.ChatHttpServer;
import io.chillin.chat.adapter.javalin.EdgeConfig;
import io.chillin.chat.adapter.javalin.HealthProbe;
import io.chillin.chat.adapter.postgres.Database;
import io.chillin.chat.adapter.postgres.DatabaseConfig;
import io.chillin.chat.adapter.postgres.PostgresMessageStore;
import io.chillin.chat.adapter.postgres.PostgresRoomStore;
import io.chillin.chat.adapter.postgres.PostgresSessionStore;
import io.chillin.chat.adapter.postgres.PostgresUserStore;
import io.chillin.chat.adapter.redis.Redis;
import io.chillin.chat.adapter.redis.RedisPresence;
import io.chillin.chat.adapter.redis.RedisRateLimiter;
import io.chillin.chat.adapter.redis.RedisRoomBus;
import io.chillin.chat.adapter.redis.RedisSessionStore;
import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.domain.user.PasswordPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server instance, wired by hand from its configuration: embedded H2 or PostgreSQL for the
 * stores, and in cluster mode Redis for the bus, presence, sessions and rate limits.
 */
public final class ChatServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);

    private final ChatHttpServer http;
    private final Deque<AutoCloseable> resources;
    private final String mode;

    private ChatServer(ChatHttpServer http, Deque<AutoCloseable> resources, String mode) {
        this.http = http;
        this.resources = resources;
        this.mode = mode;
    }

    /**
     * Opens the backends, wires the core and starts listening.
     *
     * @throws io.chillin.chat.domain.ChatException.Unavailable when a backend does not answer
     */
    public static ChatServer start(ServerConfig config) {
        Clock clock = Clock.systemUTC();
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            DatabaseConfig dbConfig = config.postgres()
                    .map(pg -> DatabaseConfig.postgres(pg.host(), pg.port(), pg.database(), pg.user(), pg.password()))
                    .orElseGet(() -> DatabaseConfig.embedded(config.dataDir()))
                    .withMaxPoolSize(config.dbPoolSize());
            Database database = opened(resources, Database.open(dbConfig));
            ChatSettings settings = new ChatSettings(new PasswordPolicy(config.passwordMinLength(), 1024),
                    Duration.ofHours(24), config.messagesPer10Seconds(), Duration.ofSeconds(10),
                    config.authAttemptsPerMinute(), Duration.ofMinutes(1));
            ChatPorts ports = ChatPorts.inMemory(new Argon2PasswordHasher(), settings, clock)
                    .withStores(new PostgresUserStore(database, clock), new PostgresRoomStore(database),
                            new PostgresMessageStore(database))
                    .withSessions(new PostgresSessionStore(database, clock));
            List<HealthProbe> probes = new ArrayList<>();
            probes.add(probe("database", database.kind().id(), database::ping));
            String shared = "in-process";
            Redis redis = null;
            if (config.cluster().isPresent()) {
                ServerConfig.Cluster cluster = config.cluster().get();
                redis = opened(resources, Redis.connect(cluster.redisUrl(), cluster.keyPrefix()));
                RedisRoomBus bus = opened(resources, new RedisRoomBus(redis));
                RedisPresence presence = opened(resources, new RedisPresence(redis, cluster.keyPrefix(), cluster.presenceTtl()));
                ports = ports.withSessions(new RedisSessionStore(redis)).withShared(bus, presence,
                        new RedisRateLimiter(redis, "messages", settings.messageLimit(), settings.messageWindow(), clock),
                        new RedisRateLimiter(redis, "auth", settings.authLimit(), settings.authWindow(), clock));
                shared = "redis";
                for (String role : List.of("bus", "presence", "sessions", "rate-limiter")) {
                    probes.add(probe(role, "redis", redis::ping));
                }
            } else {
                probes.add(probe("bus", "in-process", () -> { }));
                probes.add(probe("presence", "in-process", () -> { }));
                probes.add(probe("sessions", database.kind().id(), database::ping));
            }
            ChatCore core = ChatCore.create(ports, settings, clock);
            if (redis != null) {
                sweepPresenceRegularly(core, config.cluster().get().presenceTtl(), resources);
            }
            EdgeConfig edge = new EdgeConfig(config.allowedOrigins(), EdgeConfig.DEFAULT_MAX_FRAME_BYTES,
                    config.outboundQueueFrames(), config.trustProxy());
            ChatHttpServer http = new ChatHttpServer(core, edge, probes).start(config.host(), config.port());
            String mode = redis != null ? "cluster instance" : config.postgres().isPresent()
                    ? "single instance on PostgreSQL" : "single instance, embedded";
            LOG.info("Chillin Chatroom listening on http://{}:{} ({}): database={} ({}), bus={}, presence={},"
                            + " sessions={}, rate-limiter={}", config.host(), http.port(), mode, database.kind().id(),
                    describe(config), shared, shared, redis != null ? "redis" : database.kind().id(), shared);
            return new ChatServer(http, resources, mode);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** Forgets the members of dead instances a few times per presence TTL, so they leave within about one TTL. */
    private static void sweepPresenceRegularly(ChatCore core, Duration presenceTtl, Deque<AutoCloseable> resources) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("presence-sweeper").factory());
        long every = Math.max(100, presenceTtl.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                core.sweepPresence();
            } catch (RuntimeException e) {
                LOG.warn("presence sweep failed: {}", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        resources.push(sweeper::shutdownNow);
    }

    private static <T extends AutoCloseable> T opened(Deque<AutoCloseable> resources, T resource) {
        resources.push(resource);
        return resource;
    }

    private static String describe(ServerConfig config) {
        return config.postgres().map(pg -> pg.host() + ":" + pg.port() + "/" + pg.database())
                .orElse(config.dataDir().toString());
    }

    private static HealthProbe probe(String role, String kind, Check check) {
        return new HealthProbe() {
            @Override
            public String role() {
                return role;
            }

            @Override
            public String kind() {
                return kind;
            }

            @Override
            public void check() throws Exception {
                check.run();
            }
        };
    }

    @FunctionalInterface
    private interface Check {
        void run() throws Exception;
    }

    public int port() {
        return http.port();
    }

    public String mode() {
        return mode;
    }

    /** Drains connections, then closes the backends in the reverse order of opening. */
    @Override
    public void close() {
        LOG.info("shutting down: closing {} connection(s)", http.openConnections());
        try {
            http.close();
        } finally {
            closeAll(resources);
        }
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                LOG.warn("closing a backend failed", e);
            }
        }
    }
}
