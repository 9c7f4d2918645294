package io.chillin.chat.server;

import io.chillin.chat.adapter.crypto.Argon2PasswordHasher;
import io.chillin.chat.adapter.javalin.HealthProbe;
import io.chillin.chat.adapter.postgres.Database;
import io.chillin.chat.adapter.postgres.PostgresMessageStore;
import io.chillin.chat.adapter.postgres.PostgresRoomStore;
import io.chillin.chat.adapter.postgres.PostgresSessionStore;
import io.chillin.chat.adapter.postgres.PostgresUserStore;
import io.chillin.chat.adapter.redis.Redis;
import io.chillin.chat.adapter.redis.RedisPresence;
import io.chillin.chat.adapter.redis.RedisRateLimiter;
import io.chillin.chat.adapter.redis.RedisRoomAnnouncer;
import io.chillin.chat.adapter.redis.RedisRoomBus;
import io.chillin.chat.adapter.redis.RedisSessionStore;
import io.chillin.chat.adapter.s3.FilesystemBlobStore;
import io.chillin.chat.adapter.s3.S3BlobStore;
import io.chillin.chat.adapter.s3.S3Config;
import io.chillin.chat.application.AdminPorts;
import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.local.AnnouncedRoomStore;
import io.chillin.chat.application.local.CachedRoomStore;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.domain.user.PasswordPolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapters a configuration asks for, opened and wired into the core's ports: the one place that
 * chooses them, for the server and the admin CLI alike. Closing it closes them in reverse order.
 */
public final class Backends implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

    private final ChatPorts ports;
    private final ChatSettings settings;
    private final List<HealthProbe> probes;
    private final Deque<AutoCloseable> opened;
    private final String summary;
    private final boolean clustered;

    private Backends(ChatPorts ports, ChatSettings settings, List<HealthProbe> probes, Deque<AutoCloseable> opened,
                     String summary, boolean clustered) {
        this.ports = ports;
        this.settings = settings;
        this.probes = List.copyOf(probes);
        this.opened = opened;
        this.summary = summary;
        this.clustered = clustered;
    }

    /** The SQL database; embedded files held by a process that does not share them are told with the way out. */
    private static Database openDatabase(ServerConfig config, MeterRegistry metrics) {
        try {
            return Database.open(config.databaseConfig(), metrics);
        } catch (Database.InUseByAnotherProcess e) {
            throw new ChatException.Unavailable(e.getMessage() + ": stop it first, or start the server and this"
                    + " tool with CHAT_EMBEDDED_SHARED=true so that they can use it together");
        }
    }

    /** What a server runs on. @throws io.chillin.chat.domain.ChatException.Unavailable when a backend does not answer */
    public static Backends open(ServerConfig config, Clock clock) {
        return open(config, clock, true, null);
    }

    /** As {@link #open(ServerConfig, Clock)}, with the database pool, Redis and group commit measured in {@code metrics}. */
    public static Backends open(ServerConfig config, Clock clock, MeterRegistry metrics) {
        return open(config, clock, true, metrics);
    }

    /**
     * What an administering tool needs: the stores, the sessions and, in a cluster, a bus that tells the instances of
     * rooms changed or deleted. No presence (so no heartbeat), no subscription, no shared rate limiter: the tool joins
     * nothing of the running deployment. Its ports are those of {@link #adminPorts()}.
     */
    public static Backends openForAdmin(ServerConfig config, Clock clock) {
        return open(config, clock, false, null);
    }

    private static Backends open(ServerConfig config, Clock clock, boolean serving, MeterRegistry metrics) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            ChatSettings settings = new ChatSettings(new PasswordPolicy(config.passwordMinLength(), 1024),
                    Duration.ofHours(24), config.messagesPer10Seconds(), Duration.ofSeconds(10),
                    config.authAttemptsPerMinute(), Duration.ofMinutes(1)).withGuessLimits(config.guessLimits())
                    .withUsageLimits(config.usageLimits()).withTypingInterval(config.typingInterval())
                    .withGuestLifetime(config.guestLifetime());
            Database database = remember(opened, openDatabase(config, metrics));
            String db = database.kind().id();
            PostgresMessageStore messages = new PostgresMessageStore(database);
            if (metrics != null) {
                Gauge.builder("chat.store.append.queue", messages, PostgresMessageStore::waitingAppends)
                        .description("appends waiting for the group commit").register(metrics);
            }
            ChatPorts ports = ChatPorts.inMemory(new Argon2PasswordHasher(), settings, clock)
                    .withStores(new PostgresUserStore(database, clock), new PostgresRoomStore(database), messages)
                    .withSessions(new PostgresSessionStore(database, clock));
            List<HealthProbe> probes = new ArrayList<>();
            probes.add(HealthProbe.of("database", db, database::ping));

            String blobs;
            if (config.blobs().s3().isPresent()) {
                ServerConfig.S3 s3 = config.blobs().s3().get();
                S3BlobStore store = remember(opened, new S3BlobStore(new S3Config(s3.endpoint().orElse(null), s3.region(),
                        s3.bucket(), s3.accessKeyId(), s3.secretAccessKey())));
                ports = ports.withBlobs(store);
                probes.add(HealthProbe.of("blobs", "s3", store::ping));
                blobs = "s3 (" + s3.endpoint().orElse("aws") + "/" + s3.bucket() + ")";
            } else {
                ports = ports.withBlobs(new FilesystemBlobStore(config.blobs().dir()));
                probes.add(HealthProbe.of("blobs", "filesystem", () -> { }));
                blobs = "filesystem (" + config.blobs().dir() + ")";
            }

            String shared = "in-process";
            if (config.cluster().isPresent()) {
                ServerConfig.Cluster cluster = config.cluster().get();
                Redis redis = remember(opened, Redis.connect(cluster.redisUrl(), cluster.keyPrefix(), metrics));
                if (!serving) {
                    ports = ports.withStores(ports.users(), ports.rooms(), ports.messages())
                            .withSessions(new RedisSessionStore(redis));
                    RoomBus announcer = new RedisRoomAnnouncer(redis);
                    ports = ports.withShared(announcer, ports.presence(), ports.messageRate(), ports.authRate())
                            .withStores(ports.users(), new AnnouncedRoomStore(ports.rooms(), announcer), ports.messages());
                    return new Backends(ports, settings, probes, opened,
                            "admin: database=" + db + ", sessions=redis, bus=redis (publish only)", true);
                }
                RedisRoomBus bus = remember(opened, new RedisRoomBus(redis));
                RedisPresence presence = remember(opened, new RedisPresence(redis, cluster.keyPrefix(), cluster.presenceTtl()));
                ports = ports.withStores(ports.users(), new CachedRoomStore(ports.rooms(), bus), ports.messages())
                        .withSessions(new RedisSessionStore(redis)).withShared(bus, presence,
                        new RedisRateLimiter(redis, "messages", settings.messageLimit(), settings.messageWindow(), clock),
                        new RedisRateLimiter(redis, "auth", settings.authLimit(), settings.authWindow(), clock))
                        .withLimiters((name, limit, window) -> new RedisRateLimiter(redis, name, limit, window, clock));
                shared = "redis";
                for (String role : List.of("bus", "presence", "sessions", "rate-limiter")) {
                    probes.add(HealthProbe.of(role, "redis", redis::ping));
                }
            } else {
                probes.add(HealthProbe.of("bus", "in-process", () -> { }));
                probes.add(HealthProbe.of("presence", "in-process", () -> { }));
                probes.add(HealthProbe.of("sessions", db, database::ping));
            }
            ports = ports.withStores(ports.users(), new AnnouncedRoomStore(ports.rooms(), ports.bus()), ports.messages());
            String summary = "database=" + db + " (" + config.postgres().map(pg -> pg.host() + ":" + pg.port() + "/"
                    + pg.database()).orElse(config.dataDir().toString()) + "), bus=" + shared + ", presence=" + shared
                    + ", sessions=" + (config.cluster().isPresent() ? "redis" : db) + ", rate-limiter=" + shared
                    + ", blobs=" + blobs;
            return new Backends(ports, settings, probes, opened, summary, config.cluster().isPresent());
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    private static <T extends AutoCloseable> T remember(Deque<AutoCloseable> opened, T resource) {
        opened.push(resource);
        return resource;
    }

    public ChatPorts ports() {
        return ports;
    }

    public AdminPorts adminPorts() {
        return ports.admin();
    }

    public ChatSettings settings() {
        return settings;
    }

    public List<HealthProbe> probes() {
        return probes;
    }

    /** One line naming every backend in use, for the start-up log. */
    public String summary() {
        return summary;
    }

    public boolean clustered() {
        return clustered;
    }

    @Override
    public void close() {
        closeAll(opened);
    }

    private static void closeAll(Deque<AutoCloseable> opened) {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                LOG.warn("closing a backend failed", e);
            }
        }
    }
}
