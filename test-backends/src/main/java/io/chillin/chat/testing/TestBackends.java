package io.chillin.chat.testing;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Where the tests' PostgreSQL and Redis come from, in this order: the environment ({@code CHAT_TEST_PG_URL} with
 * {@code CHAT_TEST_PG_USER} / {@code CHAT_TEST_PG_PASSWORD}; {@code CHAT_TEST_REDIS_URL}), else a container started
 * once per test JVM when a Docker engine answers (Testcontainers removes it when the JVM ends), else the local
 * default on 127.0.0.1, whose absence the fixtures report with how to provide one. CI sets the variables, so it
 * never asks for Docker.
 */
public final class TestBackends {

    public static final String PG_URL = "CHAT_TEST_PG_URL";
    public static final String PG_USER = "CHAT_TEST_PG_USER";
    public static final String PG_PASSWORD = "CHAT_TEST_PG_PASSWORD";
    public static final String REDIS_URL = "CHAT_TEST_REDIS_URL";

    private static final String LOCAL_PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String LOCAL_REDIS = "redis://127.0.0.1:6379";

    /** A PostgreSQL server on which {@code user} may create databases and schemas; {@code source} says whence. */
    public record Postgres(String jdbcUrl, String user, String password, String source) {
    }

    private static Postgres postgres;
    private static String redis;
    private static Boolean docker;

    private TestBackends() {
    }

    public static synchronized Postgres postgres() {
        if (postgres == null) {
            postgres = env(PG_URL).map(url -> new Postgres(url, env(PG_USER).orElse("postgres"),
                            env(PG_PASSWORD).orElse(""), PG_URL))
                    .orElseGet(() -> dockerAnswers() ? postgresContainer()
                            : new Postgres(LOCAL_PG, "postgres", "", "the local default"));
        }
        return postgres;
    }

    public static synchronized String redisUrl() {
        if (redis == null) {
            redis = env(REDIS_URL).orElseGet(() -> dockerAnswers() ? redisContainer() : LOCAL_REDIS);
        }
        return redis;
    }

    /** How to provide what did not answer, for a fixture's failure message. */
    public static String howToProvide() {
        return "set " + PG_URL + " (with " + PG_USER + ", " + PG_PASSWORD + ") and " + REDIS_URL
                + " to servers of your own, start a Docker engine (Testcontainers then starts them), or run them"
                + " locally on 127.0.0.1 (PostgreSQL on 5432 with a database 'test', Redis on 6379)";
    }

    private static boolean dockerAnswers() {
        if (docker == null) {
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                docker = false;
            }
        }
        return docker;
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers removes it at the end
    private static Postgres postgresContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse("postgres:15"))
                .withDatabaseName("test");
        container.start();
        return new Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                "a Testcontainers container");
    }

    @SuppressWarnings("resource")
    private static String redisContainer() {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
        container.start();
        return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
    }

    private static Optional<String> env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
