package io.chillin.chat.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A protocol client over a real WebSocket, recording every frame it receives. */
public final class WsClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonNode> frames;
    private final CompletableFuture<Integer> closed;

    private WsClient(WebSocket socket, LinkedBlockingQueue<JsonNode> frames, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.frames = frames;
        this.closed = closed;
    }

    public static WsClient connect(int port) {
        return connect(port, null, null);
    }

    public static WsClient connect(int port, String token) {
        return connect(port, token, null);
    }

    /** Opens /ws with an optional token and Origin header. @throws UpgradeRefused with the HTTP status */
    public static WsClient connect(int port, String token, String origin) {
        LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        if (origin != null) {
            builder.header("Origin", origin);
        }
        String query = token == null ? "" : "?token=" + token;
        try {
            WebSocket socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws" + query), new Listener(frames, closed))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return new WsClient(socket, frames, closed);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new UpgradeRefused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException("could not connect", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not connect", e);
        }
    }

    /** The server refused the upgrade with this HTTP status. */
    public static final class UpgradeRefused extends RuntimeException {
        public final int status;

        UpgradeRefused(int status) {
            super("upgrade refused with HTTP " + status);
            this.status = status;
        }
    }

    /** Sends a frame built from alternating keys and values. */
    public WsClient send(Object... keysAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
        }
        return sendRaw(node.toString());
    }

    public WsClient sendRaw(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** The next frame, whatever it is. */
    public JsonNode next() {
        try {
            JsonNode frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + WAIT.toSeconds() + " s");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Skips frames until one of this type arrives. */
    public JsonNode next(String type) {
        return next(f -> f.path("type").asText().equals(type), "a '" + type + "' frame");
    }

    public JsonNode next(Predicate<JsonNode> wanted, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> skipped = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode frame = frames.poll(50, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    continue;
                }
                if (wanted.test(frame)) {
                    return frame;
                }
                skipped.add(frame);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s; got " + skipped);
    }

    /** Frames that arrive within the given time (for asserting that nothing else came). */
    public List<JsonNode> quietFor(Duration time) {
        List<JsonNode> got = new ArrayList<>();
        long deadline = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                JsonNode frame = frames.poll(20, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    got.add(frame);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return got;
    }

    /** The close code the server sent, waiting for it. */
    public int awaitClose() {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("connection was not closed within " + WAIT.toSeconds() + " s", e);
        }
    }

    public boolean isClosed() {
        return closed.isDone() || socket.isInputClosed();
    }

    /** Joins a room and returns the {ack, messageHistory, roomData} replies, in order. */
    public List<JsonNode> join(String room, Object... extra) {
        Object[] frame = new Object[4 + extra.length];
        frame[0] = "type";
        frame[1] = "join";
        frame[2] = "room";
        frame[3] = room;
        System.arraycopy(extra, 0, frame, 4, extra.length);
        send(frame);
        return List.of(next(), next(), next());
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            socket.abort();
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final LinkedBlockingQueue<JsonNode> frames;
        private final CompletableFuture<Integer> closed;
        private final StringBuilder partial = new StringBuilder();

        Listener(LinkedBlockingQueue<JsonNode> frames, CompletableFuture<Integer> closed) {
            this.frames = frames;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    frames.add(JSON.createObjectNode().put("type", "<unparseable>").put("raw", partial.toString()));
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(-1);
        }
    }
}
