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
import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.domain.user.PasswordPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running server instance, wired by hand from its configuration. */
public final class ChatServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);

    private final Database database;
    private final ChatHttpServer http;
    private final String mode;

    private ChatServer(Database database, ChatHttpServer http, String mode) {
        this.database = database;
        this.http = http;
        this.mode = mode;
    }

    /** Opens the backends, wires the core and starts listening. @throws ConfigException when a backend cannot be used */
    public static ChatServer start(ServerConfig config) {
        Clock clock = Clock.systemUTC();
        DatabaseConfig dbConfig = config.postgres()
                .map(pg -> DatabaseConfig.postgres(pg.host(), pg.port(), pg.database(), pg.user(), pg.password()))
                .orElseGet(() -> DatabaseConfig.embedded(config.dataDir()))
                .withMaxPoolSize(config.dbPoolSize());
        Database database = Database.open(dbConfig);
        try {
            ChatSettings settings = new ChatSettings(new PasswordPolicy(config.passwordMinLength(), 1024),
                    Duration.ofHours(24), config.messagesPer10Seconds(), Duration.ofSeconds(10),
                    config.authAttemptsPerMinute(), Duration.ofMinutes(1));
            ChatPorts ports = ChatPorts.inMemory(new Argon2PasswordHasher(), settings, clock)
                    .withStores(new PostgresUserStore(database, clock), new PostgresRoomStore(database),
                            new PostgresMessageStore(database))
                    .withSessions(new PostgresSessionStore(database, clock));
            ChatCore core = ChatCore.create(ports, settings, clock);
            EdgeConfig edge = new EdgeConfig(config.allowedOrigins(), EdgeConfig.DEFAULT_MAX_FRAME_BYTES,
                    config.outboundQueueFrames(), config.trustProxy());
            ChatHttpServer http = new ChatHttpServer(core, edge, probes(database)).start(config.host(), config.port());
            String mode = config.postgres().isPresent() ? "single instance on PostgreSQL" : "single instance, embedded";
            LOG.info("Chillin Chatroom listening on http://{}:{} ({}): database={} ({}), bus=in-process,"
                            + " presence=in-process, sessions=database, rate-limiter=in-process",
                    config.host(), http.port(), mode, database.kind().id(), describe(config));
            return new ChatServer(database, http, mode);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static String describe(ServerConfig config) {
        return config.postgres().map(pg -> pg.host() + ":" + pg.port() + "/" + pg.database())
                .orElse(config.dataDir().toString());
    }

    private static List<HealthProbe> probes(Database database) {
        return List.of(probe("database", database.kind().id(), database::ping),
                probe("bus", "in-process", () -> { }),
                probe("presence", "in-process", () -> { }),
                probe("sessions", database.kind().id(), database::ping));
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

    /** Drains connections, then closes the database. */
    @Override
    public void close() {
        LOG.info("shutting down: closing {} connection(s)", http.openConnections());
        try {
            http.close();
        } finally {
            database.close();
        }
    }
}
