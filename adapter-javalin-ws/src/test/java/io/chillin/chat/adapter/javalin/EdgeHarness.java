package io.chillin.chat.adapter.javalin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.AddressRanges;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.UsageLimits;
import io.chillin.chat.application.contract.FastTestHasher;
import io.chillin.chat.domain.user.PasswordPolicy;
import java.net.URI;
import java.nio.ByteBuffer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The one test fixture of this module's socket tests: a real {@link ChatHttpServer} on a free port
 * over an in-memory core, and protocol clients speaking to it with {@code java.net.http.WebSocket}.
 * Every test starts its own, so no test sees another's rooms or connections.
 */
final class EdgeHarness implements AutoCloseable {

    /** How long any single expectation may take before the test fails (a liveness bound, not a timing). */
    static final Duration PATIENCE = Duration.ofSeconds(15);
    static final String LOCAL_DEV_ORIGIN = "http://localhost:3000";
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The protocol's rules, but a rate limit high enough to flood a room from one user, and this machine (where every
     * test client is) spared the per-address limits, such as the message budget its guests share.
     */
    static final ChatSettings NO_MESSAGE_LIMIT = new ChatSettings(PasswordPolicy.DEFAULT, Duration.ofHours(24),
            1_000_000, Duration.ofSeconds(10), 1_000, Duration.ofMinutes(1))
            .withUsageLimits(UsageLimits.DEFAULT.withExempt(AddressRanges.parse("127.0.0.0/8,::1")));

    private final ChatHttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
    private final List<Client> clients = new CopyOnWriteArrayList<>();

    private EdgeHarness(EdgeConfig config, ChatSettings settings, List<HealthProbe> probes,
                        UnaryOperator<ChatPorts> ports) {
        Clock clock = Clock.systemUTC();
        ChatCore core = ChatCore.create(ports.apply(ChatPorts.inMemory(new FastTestHasher(), settings, clock)), settings, clock);
        this.server = new ChatHttpServer(core, config, probes).start("127.0.0.1", 0);
    }

    static EdgeHarness start(EdgeConfig config, ChatSettings settings) {
        return new EdgeHarness(config, settings, List.of(), UnaryOperator.identity());
    }

    /** As {@link #start(EdgeConfig, ChatSettings)}, on the in-memory ports as {@code ports} changes them (a slow store, say). */
    static EdgeHarness start(EdgeConfig config, ChatSettings settings, UnaryOperator<ChatPorts> ports) {
        return new EdgeHarness(config, settings, List.of(), ports);
    }

    /** As {@link #start(EdgeConfig, ChatSettings)}, with these backends for the readiness check. */
    static EdgeHarness start(EdgeConfig config, ChatSettings settings, List<HealthProbe> probes) {
        return new EdgeHarness(config, settings, probes, UnaryOperator.identity());
    }

    /** The production defaults: 16 KiB frames, 1024 queued frames, the local dev origin allowed. */
    static EdgeHarness startWithDefaults() {
        return start(EdgeConfig.defaults(Set.of(LOCAL_DEV_ORIGIN)), ChatSettings.DEFAULT);
    }

    ChatHttpServer server() {
        return server;
    }

    String ownOrigin() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Opens a client that reads every frame as it comes. */
    Client connect() {
        return open(null, null, Integer.MAX_VALUE);
    }

    /** Opens a client that reads this many whole frames and then never reads again (until {@link Client#resumeReading()}). */
    Client connectReadingOnly(int frames) {
        return open(null, null, frames);
    }

    Client connect(String origin, String token) {
        return open(origin, token, Integer.MAX_VALUE);
    }

    /**
     * Attempts an upgrade and tells how the server answered: 101 when the socket opened, else the
     * HTTP status of the refusal.
     */
    int upgradeStatus(String origin, String token) {
        try {
            Client client = open(origin, token, Integer.MAX_VALUE);
            client.socket.abort();
            return 101;
        } catch (UpgradeRefused refused) {
            return refused.status;
        }
    }

    private Client open(String origin, String token, int framesToRead) {
        Client client = new Client(framesToRead);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(PATIENCE);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        String query = token == null ? "" : "?token=" + token;
        try {
            client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws" + query), client)
                    .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new UpgradeRefused(refused.getResponse().statusCode());
            }
            throw new AssertionError("could not open a WebSocket", e);
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("could not open a WebSocket", e);
        }
        clients.add(client);
        return client;
    }

    /** A guest token from the REST API. */
    String guestToken(String name) {
        HttpResponse<String> response = post("/api/auth/guest", null, frame("name", name));
        if (response.statusCode() != 200) {
            throw new AssertionError("guest login failed: " + response.statusCode() + " " + response.body());
        }
        return parse(response.body()).path("token").asText();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /** A POST with a JSON body (or none when null) and a bearer token (or none when null). */
    HttpResponse<String> post(String path, String token, String json) {
        return send(postRequest(path, token, json).build());
    }

    /** As {@link #post}, passed on by a proxy that saw it come from {@code client} (trust loopback to believe it). */
    HttpResponse<String> postFrom(String client, String path, String token, String json) {
        return send(postRequest(path, token, json).header("X-Forwarded-For", client).build());
    }

    private HttpRequest.Builder postRequest(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until the server counts this many open sockets; returns whether it did in time. */
    boolean awaitOpenConnections(int expected, Duration within) {
        return eventually(() -> server.openConnections() == expected, within);
    }

    static boolean eventually(BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(200_000);
        }
        return true;
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** A frame from alternating field names and values. */
    static String frame(Object... namesAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], JSON.valueToTree(namesAndValues[i + 1]));
        }
        return node.toString();
    }

    static boolean isType(JsonNode frame, String type) {
        return type.equals(frame.path("type").asText());
    }

    /** A {@code message} frame carrying a persisted (kind "user") message. */
    static boolean isUserMessage(JsonNode frame) {
        return isType(frame, "message") && "user".equals(frame.path("message").path("kind").asText());
    }

    @Override
    public void close() {
        for (Client client : clients) {
            client.socket.abort();
        }
        server.close();
        http.shutdownNow();
    }

    /** The server refused the WebSocket upgrade. */
    static final class UpgradeRefused extends RuntimeException {
        final int status;

        UpgradeRefused(int status) {
            super("upgrade refused with HTTP " + status);
            this.status = status;
        }
    }

    /** One protocol client; frames are parsed and queued in arrival order. */
    static final class Client implements WebSocket.Listener {

        private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private final AtomicInteger wholeFrames = new AtomicInteger();
        private final AtomicInteger userMessages = new AtomicInteger();
        private final List<Long> userMessageArrivals = new ArrayList<>();
        private volatile int framesToRead;
        private volatile WebSocket socket;

        private Client(int framesToRead) {
            this.framesToRead = framesToRead;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            if (framesToRead > 0) {
                webSocket.request(1);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode frame = parse(partial.toString());
                partial.setLength(0);
                if (isUserMessage(frame)) {
                    synchronized (userMessageArrivals) {
                        userMessageArrivals.add(System.nanoTime());
                    }
                    userMessages.incrementAndGet();
                }
                inbox.add(frame);
                wholeFrames.incrementAndGet();
            }
            if (!last || wholeFrames.get() < framesToRead) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }

        /** Starts reading again, everything from now on. */
        void resumeReading() {
            framesToRead = Integer.MAX_VALUE;
            socket.request(Long.MAX_VALUE / 2);
        }

        /** Sends one text frame and waits until the client has handed it to the network. */
        synchronized Client send(String text) {
            return waitFor(socket.sendText(text, true));
        }

        /** Sends one binary frame, as {@link #send(String)} does a text frame. */
        synchronized Client sendBinary(byte[] bytes) {
            return waitFor(socket.sendBinary(ByteBuffer.wrap(bytes), true));
        }

        private Client waitFor(CompletableFuture<WebSocket> sent) {
            try {
                sent.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                return this;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("could not send a frame", e);
            }
        }

        /** Sends a join as a guest and returns the three direct replies: ack, messageHistory, roomData. */
        List<JsonNode> join(String room, String name) {
            String ref = "join-" + room;
            send(frame("type", "join", "ref", ref, "room", room, "name", name));
            JsonNode ack = next();
            if (!isType(ack, "ack")) {
                throw new AssertionError("join of '" + room + "' as '" + name + "' got " + ack);
            }
            return List.of(ack, next(), next());
        }

        /** The next frame, whatever it is. */
        JsonNode next() {
            JsonNode frame = poll(PATIENCE);
            if (frame == null) {
                throw new AssertionError("no frame within " + PATIENCE.toSeconds() + " s");
            }
            return frame;
        }

        /** The next frame within the time, or null. */
        JsonNode poll(Duration within) {
            try {
                return inbox.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Skips frames until one matches; the skipped ones are lost. */
        JsonNode nextMatching(Predicate<JsonNode> wanted, String what) {
            List<JsonNode> skipped = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode frame = poll(Duration.ofMillis(50));
                if (frame != null && wanted.test(frame)) {
                    return frame;
                }
                if (frame != null && skipped.size() < 20) {
                    skipped.add(frame);
                }
            }
            throw new AssertionError("no " + what + " within " + PATIENCE.toSeconds() + " s; skipped " + skipped);
        }

        /** Everything received so far and not yet taken. */
        List<JsonNode> drain() {
            List<JsonNode> frames = new ArrayList<>();
            inbox.drainTo(frames);
            return frames;
        }

        /** Whole frames handed to the listener so far. */
        int framesReceived() {
            return wholeFrames.get();
        }

        /** {@code message} frames of kind "user" received so far. */
        int userMessagesReceived() {
            return userMessages.get();
        }

        /** When ({@link System#nanoTime()}) the n-th user message (from 1) arrived. */
        long arrivalOfUserMessage(int n) {
            synchronized (userMessageArrivals) {
                return userMessageArrivals.get(n - 1);
            }
        }

        /** The close code, once the server closed; completes exceptionally when the connection broke instead. */
        CompletableFuture<Integer> closeCode() {
            return closeCode;
        }

        boolean isClosed() {
            return closeCode.isDone() || socket.isInputClosed();
        }

        /** Round trip: proves the connection is open and the server answers it. */
        void assertAnswersPing(String ref) {
            send(frame("type", "ping", "ref", ref));
            nextMatching(f -> isType(f, "pong") && ref.equals(f.path("ref").asText()), "pong " + ref);
        }
    }
}
