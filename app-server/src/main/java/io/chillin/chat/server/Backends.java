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
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.local.AnnouncedRoomStore;
import io.chillin.chat.application.local.CachedRoomStore;
import io.chillin.chat.application.local.LocalPresence;
import io.chillin.chat.application.local.LocalRateLimiter;
import io.chillin.chat.application.local.LocalRoomBus;
import io.chillin.chat.application.port.out.BlobStore;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.application.port.out.RateLimiter;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.application.port.out.SessionStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.PasswordPolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapters a configuration asks for, opened and wired into the core's ports: the one place that chooses them, for
 * the server and the admin CLI alike. Each role (database, sessions, bus, presence, rate limiter, blobs) gets one
 * {@link Choice}: what serves it and how to ask whether it answers; the start-up summary and {@code /health/ready} are
 * derived from those choices, nothing else. Closing it closes what it opened, in reverse order.
 */
public final class Backends implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

    /** One role's backend: its kind ("postgresql", "redis", "in-process", ...), a detail for the log, its check. */
    public record Choice(String role, String kind, String detail, HealthProbe.Check check) {
        HealthProbe probe() {
            return HealthProbe.of(role, kind, check);
        }

        @Override
        public String toString() {
            return role + "=" + kind + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    private final ChatPorts ports;
    private final ChatSettings settings;
    private final List<Choice> choices;
    private final Deque<AutoCloseable> opened;
    private final boolean clustered;

    private Backends(ChatPorts ports, ChatSettings settings, List<Choice> choices, Deque<AutoCloseable> opened,
                     boolean clustered) {
        this.ports = ports;
        this.settings = settings;
        this.choices = List.copyOf(choices);
        this.opened = opened;
        this.clustered = clustered;
    }

    /** What a server runs on. @throws ChatException.Unavailable when a backend does not answer */
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
            ChatSettings settings = settings(config);
            List<Choice> choices = new ArrayList<>();

            Database database = remember(opened, openDatabase(config, metrics));
            String db = database.kind().id();
            choices.add(new Choice("database", db, config.postgres().map(pg -> pg.host() + ":" + pg.port() + "/"
                    + pg.database()).orElse(config.dataDir().toString()), database::ping));
            PostgresMessageStore messages = new PostgresMessageStore(database);
            if (metrics != null) {
                Gauge.builder("chat.store.append.queue", messages, PostgresMessageStore::waitingAppends)
                        .description("appends waiting for the group commit").register(metrics);
            }

            BlobStore blobs = blobs(config, opened, choices);
            Shared shared = config.cluster().isPresent()
                    ? redis(config.cluster().get(), settings, clock, serving, metrics, opened, choices)
                    : inProcess(database, db, settings, clock, choices);

            // The room store's decorators, innermost first: the table; in a cluster a cache that the bus empties when
            // another instance changes a room; outermost, the announcement of every change on the bus.
            RoomStore rooms = new PostgresRoomStore(database);
            if (shared.cachesRooms()) {
                rooms = new CachedRoomStore(rooms, shared.bus());
            }
            rooms = new AnnouncedRoomStore(rooms, shared.bus());

            ChatPorts ports = new ChatPorts(new PostgresUserStore(database, clock), rooms, messages, shared.sessions(),
                    shared.presence(), shared.bus(), shared.messageRate(), shared.authRate(), new Argon2PasswordHasher(),
                    blobs, shared.limiters());
            return new Backends(ports, settings, choices, opened, config.cluster().isPresent());
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /** What the instances of a deployment share, or what one instance keeps to itself. */
    private record Shared(RoomBus bus, Presence presence, SessionStore sessions, RateLimiter messageRate,
                          RateLimiter authRate, RateLimiter.Factory limiters, boolean cachesRooms) {
    }

    /** One instance alone: bus, presence and limiters in its memory, sessions in its database. */
    private static Shared inProcess(Database database, String db, ChatSettings settings, Clock clock, List<Choice> choices) {
        choices.add(new Choice("sessions", db, "", database::ping));
        choices.add(new Choice("bus", "in-process", "", () -> { }));
        choices.add(new Choice("presence", "in-process", "", () -> { }));
        choices.add(new Choice("rate-limiter", "in-process", "", () -> { }));
        return new Shared(new LocalRoomBus(), new LocalPresence(), new PostgresSessionStore(database, clock),
                new LocalRateLimiter(settings.messageLimit(), settings.messageWindow(), clock),
                new LocalRateLimiter(settings.authLimit(), settings.authWindow(), clock),
                (name, limit, window) -> new LocalRateLimiter(limit, window, clock), false);
    }

    /**
     * A cluster: everything shared in Redis. A server subscribes to the bus and beats for its presence; an admin tool
     * only announces on the bus and takes part in nothing else.
     */
    private static Shared redis(ServerConfig.Cluster cluster, ChatSettings settings, Clock clock, boolean serving,
                                MeterRegistry metrics, Deque<AutoCloseable> opened, List<Choice> choices) {
        Redis redis = remember(opened, Redis.connect(cluster.redisUrl(), cluster.keyPrefix(), metrics));
        String where = cluster.redisUrl().replaceAll("//[^@/]*@", "//");
        choices.add(new Choice("sessions", "redis", where, redis::ping));
        if (!serving) {
            choices.add(new Choice("bus", "redis", "publish only", redis::ping));
            return new Shared(new RedisRoomAnnouncer(redis), new LocalPresence(), new RedisSessionStore(redis),
                    new LocalRateLimiter(settings.messageLimit(), settings.messageWindow(), clock),
                    new LocalRateLimiter(settings.authLimit(), settings.authWindow(), clock),
                    (name, limit, window) -> new LocalRateLimiter(limit, window, clock), false);
        }
        RedisRoomBus bus = remember(opened, new RedisRoomBus(redis));
        RedisPresence presence = remember(opened, new RedisPresence(redis, cluster.keyPrefix(), cluster.presenceTtl()));
        choices.add(new Choice("bus", "redis", "", redis::ping));
        choices.add(new Choice("presence", "redis", "", redis::ping));
        choices.add(new Choice("rate-limiter", "redis", "", redis::ping));
        return new Shared(bus, presence, new RedisSessionStore(redis),
                new RedisRateLimiter(redis, "messages", settings.messageLimit(), settings.messageWindow(), clock),
                new RedisRateLimiter(redis, "auth", settings.authLimit(), settings.authWindow(), clock),
                (name, limit, window) -> new RedisRateLimiter(redis, name, limit, window, clock), true);
    }

    /** Avatars and media: an S3 API bucket when configured, else a folder. */
    private static BlobStore blobs(ServerConfig config, Deque<AutoCloseable> opened, List<Choice> choices) {
        if (config.blobs().s3().isPresent()) {
            ServerConfig.S3 s3 = config.blobs().s3().get();
            S3BlobStore store = remember(opened, new S3BlobStore(new S3Config(s3.endpoint().orElse(null), s3.region(),
                    s3.bucket(), s3.accessKeyId(), s3.secretAccessKey())));
            choices.add(new Choice("blobs", "s3", s3.endpoint().orElse("aws") + "/" + s3.bucket(), store::ping));
            return store;
        }
        choices.add(new Choice("blobs", "filesystem", config.blobs().dir().toString(), () -> { }));
        return new FilesystemBlobStore(config.blobs().dir());
    }

    private static ChatSettings settings(ServerConfig config) {
        return new ChatSettings(new PasswordPolicy(config.passwordMinLength(), 1024),
                Duration.ofHours(24), config.messagesPer10Seconds(), Duration.ofSeconds(10),
                config.authAttemptsPerMinute(), Duration.ofMinutes(1)).withGuessLimits(config.guessLimits())
                .withUsageLimits(config.usageLimits()).withTypingInterval(config.typingInterval())
                .withGuestLifetime(config.guestLifetime());
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

    /** What serves each role, in the order they were chosen. */
    public List<Choice> choices() {
        return choices;
    }

    /** The readiness checks: one per choice. */
    public List<HealthProbe> probes() {
        return choices.stream().map(Choice::probe).toList();
    }

    /** One line naming every backend in use, for the start-up log: the choices, as made. */
    public String summary() {
        return choices.stream().map(Choice::toString).collect(Collectors.joining(", "));
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
