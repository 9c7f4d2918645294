package io.chillin.chat.adapter.postgres;

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

    static final String PG_URL_VARIABLE = "CHAT_TEST_PG_URL";
    static final String PG_USER_VARIABLE = "CHAT_TEST_PG_USER";
    static final String PG_PASSWORD_VARIABLE = "CHAT_TEST_PG_PASSWORD";

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
        private final String url = env(PG_URL_VARIABLE, "jdbc:postgresql://127.0.0.1:5432/test");
        private final String user = env(PG_USER_VARIABLE, "postgres");
        private final String password = env(PG_PASSWORD_VARIABLE, "");
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
                        PostgreSQL is required for these tests but did not answer at %s as user '%s': %s
                        Start one, e.g. `docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust -e POSTGRES_DB=test postgres:15`,
                        or point %s, %s and %s at a server where that user may create schemas."""
                        .formatted(url, user, e.getMessage(), PG_URL_VARIABLE, PG_USER_VARIABLE, PG_PASSWORD_VARIABLE), e);
            }
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
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
