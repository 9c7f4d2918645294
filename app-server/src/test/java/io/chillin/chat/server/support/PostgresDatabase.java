package io.chillin.chat.server.support;

import io.chillin.chat.testing.TestBackends;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh database on the PostgreSQL server the tests use ({@link TestBackends}: the environment, a container, or the local
 * one), dropped afterwards. Fails, never skips, when PostgreSQL is not there.
 */
public final class PostgresDatabase implements AutoCloseable {

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String name;

    private PostgresDatabase(String adminUrl, String user, String password, String name) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    public static PostgresDatabase create() {
        TestBackends.Postgres server = TestBackends.postgres();
        String url = server.jdbcUrl();
        String user = server.user();
        String password = server.password();
        String name = "chat_e2e_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is needed at " + url + " (user " + user + ", from "
                    + server.source() + ") and did not answer: " + TestBackends.howToProvide(), e);
        }
        return new PostgresDatabase(url, user, password, name);
    }

    /** The server settings (old app's names) that point at this database. */
    public Map<String, String> env() {
        URI uri = URI.create(adminUrl.substring("jdbc:".length()));
        return Map.of("DB_HOST", uri.getHost(), "DB_PORT", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "DB_NAME", name, "DB_USER", user, "DB_PASSWORD", password);
    }

    /** {@link #env()} as alternating names and values. */
    public String[] serverEnv() {
        return env().entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                .toArray(String[]::new);
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }
}
