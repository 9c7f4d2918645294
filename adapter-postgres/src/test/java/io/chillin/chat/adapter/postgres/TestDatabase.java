package io.chillin.chat.adapter.postgres;

import io.chillin.chat.testing.TestBackends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own for one test class: embedded H2 in a fresh directory, or a fresh schema in the
 * real PostgreSQL, so runs never see each other's data. Register it as a static field with
 * {@code @RegisterExtension}. A PostgreSQL that does not answer fails the class, saying how to provide one.
 */
final class TestDatabase implements BeforeAllCallback, AfterAllCallback {


    private final Backend backend;
    private DatabaseConfig config;
    private Database database;

    private TestDatabase(Backend backend) {
        this.backend = backend;
    }

    static TestDatabase h2() {
        return new TestDatabase(new EmbeddedH2());
    }

    static TestDatabase postgres() {
        return new TestDatabase(new PostgresSchema());
    }

    /** The database opened for the running test class. */
    Database get() {
        return Objects.requireNonNull(database, "the test class has not started: register with @RegisterExtension");
    }

    /** How to open the same database again. */
    DatabaseConfig config() {
        return Objects.requireNonNull(config, "the test class has not started: register with @RegisterExtension");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        config = backend.create();
        database = Database.open(config);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            database = null;
            config = null;
            backend.drop();
        }
    }

    @Override
    public String toString() {
        return backend.toString();
    }

    private interface Backend {
        DatabaseConfig create();

        void drop();
    }

    private static final class EmbeddedH2 implements Backend {
        private Path dir;

        @Override
        public DatabaseConfig create() {
            try {
                dir = Files.createTempDirectory("chat-h2-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return DatabaseConfig.embedded(dir);
        }

        @Override
        public void drop() {
            if (dir != null) {
                deleteRecursively(dir);
                dir = null;
            }
        }

        @Override
        public String toString() {
            return "h2";
        }
    }

    private static final class PostgresSchema implements Backend {
        private final TestBackends.Postgres server = TestBackends.postgres();
        private final String url = server.jdbcUrl();
        private final String user = server.user();
        private final String password = server.password();
        private String schema;

        @Override
        public DatabaseConfig create() {
            String name = "chat_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            execute("CREATE SCHEMA " + name);
            schema = name;
            return new DatabaseConfig(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name, user, password,
                    DatabaseConfig.DEFAULT_POOL_SIZE);
        }

        @Override
        public void drop() {
            if (schema != null) {
                execute("DROP SCHEMA " + schema + " CASCADE");
                schema = null;
            }
        }

        private void execute(String sql) {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new AssertionError("""
                        PostgreSQL is required for these tests but did not answer at %s as user '%s' (from %s): %s
                        To provide one: %s."""
                        .formatted(url, user, server.source(), e.getMessage(), TestBackends.howToProvide()), e);
            }
        }

        @Override
        public String toString() {
            return "postgresql";
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
