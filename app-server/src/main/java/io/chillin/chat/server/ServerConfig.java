package io.chillin.chat.server;

import io.chillin.chat.adapter.javalin.EdgeConfig;
import io.chillin.chat.adapter.javalin.TrustedProxies;
import io.chillin.chat.adapter.postgres.DatabaseConfig;
import io.chillin.chat.application.AddressRanges;
import io.chillin.chat.application.GuessLimits;
import io.chillin.chat.application.UsageLimits;
import io.chillin.chat.server.logging.LogFormat;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the server reads from its environment. The old Node.js app's variable names (PORT,
 * CLIENT_ORIGIN, DB_*) keep their meaning, so an existing deployment moves over unchanged.
 *
 * @param postgres absent for the zero-setup default (embedded H2 under {@code dataDir})
 * @param embeddedShared whether the embedded database may be opened by other processes (the CLI) while it is open
 * @param emptyRoomTtl how long a room made by a quick-join may stay empty and without history before housekeeping
 *        deletes it; zero keeps every room
 * @param logFormat how log lines are written (CHAT_LOG_FORMAT); Logback reads the variable itself when the first
 *        line is logged, so this is its check: a value that cannot work stops the server at start
 */
public record ServerConfig(String host, int port, Set<String> allowedOrigins, Path dataDir, Optional<Postgres> postgres,
                           Optional<Cluster> cluster, Blobs blobs, int dbPoolSize, int passwordMinLength, int authAttemptsPerMinute, int messagesPer10Seconds,
                           TrustedProxies trustedProxies, boolean strictTransport, int outboundQueueFrames, int sendsInFlight,
                           GuessLimits guessLimits, UsageLimits usageLimits, Duration typingInterval,
                           Duration emptyRoomTtl, boolean embeddedShared, Duration guestLifetime, Metrics metrics,
                           LogFormat logFormat) {

    private static final Logger LOG = LoggerFactory.getLogger(ServerConfig.class);

    /**
     * Whether the server keeps metrics and serves them in Prometheus's format at {@code /metrics}: on its own port when
     * {@code port} is set (0 picks a free one), else on the main port.
     */
    public record Metrics(boolean enabled, Optional<Integer> port) {
        public static final Metrics OFF = new Metrics(false, Optional.empty());
    }

    /** Cluster mode: the Redis shared by every instance, the prefix of its keys, and how soon a silent instance counts as dead. */
    public record Cluster(String redisUrl, String keyPrefix, Duration presenceTtl) {
    }

    /** Where avatars and media go: an S3 API bucket when {@code s3} is present, else the folder {@code dir}. */
    public record Blobs(Optional<S3> s3, Path dir) {
    }

    /** An S3 API bucket; {@code endpoint} is empty for AWS itself, or an S3-compatible server such as MinIO. */
    public record S3(Optional<String> endpoint, String region, String bucket, String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + "]";
        }
    }

    /** A PostgreSQL server to use instead of the embedded database. */
    public record Postgres(String host, int port, String database, String user, String password) {
        @Override
        public String toString() {
            return "Postgres[host=" + host + ", port=" + port + ", database=" + database + ", user=" + user + "]";
        }
    }

    /** The database these settings name: PostgreSQL when DB_HOST is set, else the embedded one under the data directory. */
    public DatabaseConfig databaseConfig() {
        return postgres.map(pg -> DatabaseConfig.postgres(pg.host(), pg.port(), pg.database(), pg.user(), pg.password()))
                .orElseGet(() -> DatabaseConfig.embedded(dataDir, embeddedShared))
                .withMaxPoolSize(dbPoolSize);
    }

    /** Reads the configuration; @throws ConfigException naming the setting that is wrong */
    public static ServerConfig fromEnvironment(Map<String, String> env) {
        Settings s = new Settings(env);
        Optional<Postgres> postgres = s.text("DB_HOST").map(host -> new Postgres(host,
                s.integer("DB_PORT", 5432, 1, 65535),
                s.text("DB_NAME").orElse("chillin_chatroom"),
                s.text("DB_USER").orElse("postgres"),
                s.raw("DB_PASSWORD").orElse("")));
        if (postgres.isEmpty()) {
            for (String name : new String[] {"DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD"}) {
                if (s.raw(name).isPresent()) {
                    throw new ConfigException(name + " is set but DB_HOST is not: set DB_HOST to use PostgreSQL,"
                            + " or unset " + name + " to use the embedded database");
                }
            }
        }
        Optional<Cluster> cluster = s.text("REDIS_URL").map(url -> new Cluster(redisUrl(url),
                s.text("CHAT_REDIS_PREFIX").orElse("chillin"),
                Duration.ofMillis(s.integer("CHAT_PRESENCE_TTL_MS", 9000, 300, 600_000))));
        Path dataDir = Path.of(s.text("CHAT_DATA_DIR").orElse("data")).toAbsolutePath();
        Blobs blobs = blobs(s, dataDir);
        if (cluster.isPresent() && blobs.s3().isEmpty() && s.text("CHAT_BLOB_DIR").isEmpty()) {
            throw new ConfigException("REDIS_URL is set but no shared blob store is: instances of a cluster must share"
                    + " avatars and media; set S3_BUCKET_NAME (with USE_MINIO=true and MINIO_ENDPOINT for MinIO, and"
                    + " S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY), or CHAT_BLOB_DIR to a folder every instance shares");
        }
        if (cluster.isPresent() && postgres.isEmpty()) {
            throw new ConfigException("REDIS_URL is set but DB_HOST is not: instances of a cluster must share one"
                    + " PostgreSQL database; set DB_HOST (and DB_NAME, DB_USER, DB_PASSWORD) or unset REDIS_URL");
        }
        return new ServerConfig(
                s.text("HOST").orElse("0.0.0.0"),
                s.integer("PORT", 5000, 0, 65535),
                origins(s.text("CLIENT_ORIGIN").orElse("http://localhost:3000")),
                dataDir,
                postgres,
                cluster,
                blobs,
                s.integer("CHAT_DB_POOL_SIZE", 10, 1, 200),
                s.integer("CHAT_PASSWORD_MIN_LENGTH", 6, 1, 64),
                s.integer("CHAT_AUTH_ATTEMPTS_PER_MINUTE", 20, 1, 1_000_000),
                s.integer("CHAT_MESSAGES_PER_10S", 10, 1, 1_000_000),
                trustedProxies(s),
                s.bool("CHAT_HSTS", false),
                s.integer("CHAT_OUTBOUND_QUEUE_FRAMES", 1024, 16, 1_000_000),
                s.integer("CHAT_SENDS_IN_FLIGHT", EdgeConfig.DEFAULT_SENDS_IN_FLIGHT, 1, 1_000_000),
                guessLimits(s),
                usageLimits(s),
                Duration.ofMillis(s.integer("CHAT_TYPING_INTERVAL_MS", 3000, 0, 600_000)),
                Duration.ofSeconds(s.integer("CHAT_EMPTY_ROOM_TTL_SECONDS", 600, 0, 30 * 24 * 3600)),
                s.bool("CHAT_EMBEDDED_SHARED", false),
                Duration.ofHours(s.integer("CHAT_GUEST_LIFETIME_HOURS", 168, 1, 24 * 366)),
                new Metrics(s.bool("CHAT_METRICS", true), s.text("CHAT_METRICS_PORT")
                        .map(p -> s.integer("CHAT_METRICS_PORT", 0, 0, 65535))),
                logFormat(s));
    }

    private static LogFormat logFormat(Settings s) {
        try {
            return s.text("CHAT_LOG_FORMAT").map(LogFormat::parse).orElse(LogFormat.TEXT);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("CHAT_LOG_FORMAT: " + e.getMessage() + "; set text (the default) or json");
        }
    }

    /** The rates and caps of every other command (see {@link UsageLimits}), and the addresses they spare. */
    private static UsageLimits usageLimits(Settings s) {
        UsageLimits d = UsageLimits.DEFAULT;
        AddressRanges exempt;
        try {
            exempt = AddressRanges.parse(s.text("CHAT_RATE_LIMIT_EXEMPT").orElse(""));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("CHAT_RATE_LIMIT_EXEMPT: " + e.getMessage()
                    + "; give a comma-separated list such as 192.0.2.10/32,10.1.0.0/16");
        }
        return new UsageLimits(
                rate(s, "CHAT_JOINS_PER_MINUTE", d.joins()),
                rate(s, "CHAT_ROOMS_PER_USER_PER_HOUR", d.roomsPerUser()),
                rate(s, "CHAT_ROOMS_PER_ADDRESS_PER_HOUR", d.roomsPerAddress()),
                rate(s, "CHAT_GUESTS_PER_ADDRESS_PER_HOUR", d.guestsPerAddress()),
                rate(s, "CHAT_GUEST_MESSAGES_PER_ADDRESS_PER_10S", d.guestMessagesPerAddress()),
                rate(s, "CHAT_WATCHES_PER_MINUTE", d.watches()),
                s.integer("CHAT_ROOMS_PER_CONNECTION", d.roomsPerConnection(), 1, 100_000),
                s.integer("CHAT_CONNECTIONS_PER_USER", d.connectionsPerUser(), 1, 1_000_000),
                s.integer("CHAT_CONNECTIONS_PER_ADDRESS", d.connectionsPerAddress(), 1, 1_000_000),
                exempt);
    }

    /** A count per the window its variable's name says (PER_MINUTE, PER_HOUR, PER_10S): the default's window. */
    private static UsageLimits.Rate rate(Settings s, String name, UsageLimits.Rate fallback) {
        return new UsageLimits.Rate(s.integer(name, fallback.count(), 1, 1_000_000_000), fallback.window());
    }

    /**
     * The wrong-password limits, each a {@code _PER_MINUTE} and a {@code _PER_HOUR} variable (five minutes' worth unless
     * set). Failed logins per address keep CHAT_AUTH_ATTEMPTS_PER_MINUTE, which also limits registrations.
     */
    private static GuessLimits guessLimits(Settings s) {
        GuessLimits defaults = GuessLimits.DEFAULT;
        return new GuessLimits(guessLimit(s, "CHAT_LOGIN_FAILURES", defaults.accountFromAddress()),
                guessLimit(s, "CHAT_AUTH_ATTEMPTS", defaults.address()),
                guessLimit(s, "CHAT_ROOM_PASSWORD_FAILURES", defaults.roomFromAddress()),
                guessLimit(s, "CHAT_ROOM_PASSWORD_FAILURES_PER_ROOM", defaults.room()));
    }

    private static GuessLimits.Limit guessLimit(Settings s, String prefix, GuessLimits.Limit fallback) {
        int perMinute = s.integer(prefix + "_PER_MINUTE", fallback.perMinute(), 1, 1_000_000);
        int perHour = s.integer(prefix + "_PER_HOUR", perMinute * GuessLimits.Limit.HOURLY_FACTOR, 1, 60_000_000);
        if (perHour < perMinute) {
            throw new ConfigException(prefix + "_PER_HOUR (" + perHour + ") must be at least " + prefix + "_PER_MINUTE ("
                    + perMinute + "): a minute's failures count in their hour too");
        }
        return new GuessLimits.Limit(perMinute, perHour);
    }

    /** The old app's S3/MinIO settings; half a configuration is refused rather than guessed at. */
    private static Blobs blobs(Settings s, Path dataDir) {
        Path dir = s.text("CHAT_BLOB_DIR").map(Path::of).orElse(dataDir.resolve("blobs")).toAbsolutePath();
        boolean minio = s.bool("USE_MINIO", false);
        Optional<String> endpoint = s.text("MINIO_ENDPOINT");
        if (!minio && s.text("S3_BUCKET_NAME").isEmpty()) {
            if (endpoint.isPresent()) {
                throw new ConfigException("MINIO_ENDPOINT is set but USE_MINIO is not true: set USE_MINIO=true"
                        + " (and S3_BUCKET_NAME) to use MinIO, or unset MINIO_ENDPOINT");
            }
            return new Blobs(Optional.empty(), dir);
        }
        if (minio && endpoint.isEmpty()) {
            throw new ConfigException("USE_MINIO=true needs MINIO_ENDPOINT, e.g. http://minio:9000");
        }
        endpoint.ifPresent(e -> {
            URI uri = URI.create(e);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new ConfigException("MINIO_ENDPOINT: '" + e + "' must look like http://host:9000");
            }
        });
        String accessKey = s.text("S3_ACCESS_KEY_ID").orElseThrow(() -> new ConfigException(
                "S3 storage needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY"));
        String secret = s.text("S3_SECRET_ACCESS_KEY").orElseThrow(() -> new ConfigException(
                "S3 storage needs S3_SECRET_ACCESS_KEY"));
        return new Blobs(Optional.of(new S3(minio ? endpoint : Optional.empty(), s.text("S3_REGION").orElse("us-east-1"),
                s.text("S3_BUCKET_NAME").orElse("chillin-chatroom"), accessKey, secret)), dir);
    }

    /**
     * CHAT_TRUSTED_PROXIES, the ranges whose X-Forwarded-For is believed; else the deprecated CHAT_TRUST_PROXY=true,
     * which now means a proxy on this machine only (it used to believe any client).
     */
    private static TrustedProxies trustedProxies(Settings s) {
        Optional<String> list = s.text("CHAT_TRUSTED_PROXIES");
        boolean legacy = s.bool("CHAT_TRUST_PROXY", false);
        if (list.isPresent()) {
            try {
                return TrustedProxies.parse(list.get());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("CHAT_TRUSTED_PROXIES: " + e.getMessage()
                        + "; give a comma-separated list such as 127.0.0.1/32,10.0.0.0/8");
            }
        }
        if (legacy) {
            LOG.warn("CHAT_TRUST_PROXY is deprecated and now trusts a proxy on this machine only:"
                    + " set CHAT_TRUSTED_PROXIES to the addresses of your proxies instead (e.g. 127.0.0.1/32,10.0.0.0/8)");
            return TrustedProxies.loopback();
        }
        return TrustedProxies.none();
    }

    private static String redisUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("REDIS_URL: '" + url + "' is not a URL like redis://host:6379");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ConfigException("REDIS_URL: '" + url + "' must look like redis://host:6379");
        }
        return url;
    }

    private static Set<String> origins(String list) {
        Set<String> origins = new LinkedHashSet<>();
        for (String origin : Arrays.stream(list.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList()) {
            URI uri;
            try {
                uri = URI.create(origin);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("CLIENT_ORIGIN: '" + origin + "' is not a URL like http://localhost:3000");
            }
            if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty())) {
                throw new ConfigException("CLIENT_ORIGIN: '" + origin + "' must be scheme://host[:port] with no path");
            }
            origins.add(origin);
        }
        return Set.copyOf(origins);
    }

    /** Typed access to the environment with errors that name the variable. */
    private record Settings(Map<String, String> env) {

        Optional<String> raw(String name) {
            return Optional.ofNullable(env.get(name));
        }

        Optional<String> text(String name) {
            return raw(name).map(String::trim).filter(v -> !v.isEmpty());
        }

        int integer(String name, int fallback, int min, int max) {
            Optional<String> value = text(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.get());
                if (parsed < min || parsed > max) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be a whole number from " + min + " to " + max
                        + ", not '" + value.get() + "'");
            }
        }

        boolean bool(String name, boolean fallback) {
            return text(name).map(v -> switch (v.toLowerCase()) {
                case "true", "1", "yes" -> true;
                case "false", "0", "no" -> false;
                default -> throw new ConfigException(name + " must be true or false, not '" + v + "'");
            }).orElse(fallback);
        }
    }
}
