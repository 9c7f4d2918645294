package io.chillin.chat.browser.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chillin.chat.server.ChatServer;
import io.chillin.chat.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The real server on a free loopback port with its own data directory; it can be stopped and started again on the same port. */
public final class RunningServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ChatServer server;
    private int port;

    private RunningServer(Map<String, String> env) {
        this.env = env;
    }

    /** Test-friendly limits: many logins from one address, a generous message rate for seeding history, no typing throttle. */
    public static RunningServer start() {
        Map<String, String> env = new HashMap<>();
        env.put("HOST", "127.0.0.1");
        env.put("PORT", "0");
        env.put("CHAT_AUTH_ATTEMPTS_PER_MINUTE", "100000");
        // the browsers and test clients all connect from this machine
        env.put("CHAT_RATE_LIMIT_EXEMPT", "127.0.0.0/8,::1");
        env.put("CHAT_MESSAGES_PER_10S", "1000");
        // every typing notice is relayed: a test's "is typing" never falls in the 3 s a previous one holds
        env.put("CHAT_TYPING_INTERVAL_MS", "0");
        try {
            env.put("CHAT_DATA_DIR", Files.createTempDirectory("chillin-browser").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RunningServer running = new RunningServer(env);
        running.server = ChatServer.start(ServerConfig.fromEnvironment(env));
        running.port = running.server.port();
        return running;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port + "/";
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return Path.of(env.get("CHAT_DATA_DIR"));
    }

    /** Stops the server as SIGTERM would: clients are told to reconnect (1001). */
    public void stop() {
        server.close();
        server = null;
    }

    /** Starts a new server on the same port and data directory, as after a restart. */
    public void startAgain() throws InterruptedException {
        env.put("PORT", Integer.toString(port));
        RuntimeException last = null;
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                server = ChatServer.start(ServerConfig.fromEnvironment(env));
                return;
            } catch (RuntimeException e) {
                last = e; // the port may still be held for a moment
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("could not start the server again on port " + port, last);
    }

    /** GET a JSON resource of the server's REST API. */
    public JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path.replaceFirst("^/", ""))).GET(), 200);
    }

    /** The seq of the newest stored message of the room with exactly this text (waits up to 5 s for it to be stored). */
    public long seqOf(String room, String text) {
        JsonNode page = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            page = get("/api/rooms/" + encode(room) + "/messages?limit=100");
            long seq = -1;
            for (JsonNode message : page.get("messages")) {
                if (text.equals(message.path("text").asText())) {
                    seq = Math.max(seq, message.get("seq").asLong());
                }
            }
            if (seq >= 0) {
                return seq;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no message \"" + text + "\" in " + room + ": " + page);
    }

    /** POST JSON, expecting the given status. */
    public JsonNode post(String path, String token, Object body, int expectedStatus) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path.replaceFirst("^/", "")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return send(request, expectedStatus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A guest token for seeding data over REST. */
    public String guestToken(String name) {
        return post("/api/auth/guest", null, Map.of("name", name), 200).get("token").asText();
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new AssertionError("expected " + expectedStatus + " from " + response.request().uri() + " but got "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
