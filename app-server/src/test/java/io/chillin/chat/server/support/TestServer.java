package io.chillin.chat.server.support;

import io.chillin.chat.server.ChatServer;
import io.chillin.chat.server.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A real server on a free loopback port with its own embedded data directory, unless the environment says otherwise. */
public final class TestServer implements AutoCloseable {

    private final Map<String, String> env;
    private ChatServer server;

    private TestServer(Map<String, String> env) {
        this.env = env;
    }

    /** Starts with test-friendly limits: many auth attempts (tests register a lot from one address). */
    public static TestServer start(String... overrides) {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < overrides.length; i += 2) {
            settings.put(overrides[i], overrides[i + 1]);
        }
        return start(settings);
    }

    /** As {@link #start(String...)}, with the settings as a map. */
    public static TestServer start(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>();
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("CHAT_AUTH_ATTEMPTS_PER_MINUTE", "100000");
        // every test client is on this machine: per-address limits would couple unrelated tests (tests of those
        // limits set CHAT_RATE_LIMIT_EXEMPT to "")
        env.put("CHAT_RATE_LIMIT_EXEMPT", "127.0.0.0/8,::1");
        try {
            env.put("CHAT_DATA_DIR", Files.createTempDirectory("chat-e2e").toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        env.putAll(settings);
        TestServer server = new TestServer(env);
        server.server = ChatServer.start(ServerConfig.fromEnvironment(env));
        return server;
    }

    /** Stops and starts again on the same data (and a new port). */
    public void restart() {
        server.close();
        server = ChatServer.start(ServerConfig.fromEnvironment(env));
    }

    public int port() {
        return server.port();
    }

    /** The port of the metrics' own endpoint (started with CHAT_METRICS_PORT). */
    public int metricsPort() {
        return server.metricsPort().orElseThrow();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The environment the server runs on: a CLI given it works on the server's stores. */
    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    public Http http() {
        return new Http(port());
    }

    public Path dataDir() {
        return Path.of(env.get("CHAT_DATA_DIR"));
    }

    public static String name(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    @Override
    public void close() {
        server.close();
    }
}
