package io.chillin.chat.cli.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket to a server, on java.net.http. Every text frame received is parsed and handed to the
 * {@link Handler} (or handed as text to a {@link TextHandler}) on the client's threads, one frame at a time per
 * connection; sends are queued, as the JDK allows one outstanding send per socket.
 */
public final class WsConnection implements AutoCloseable {

    /** What a connection does with what it receives. */
    public interface Handler {
        void onFrame(JsonNode frame, long receivedNanos);

        default void onClosed(int code, String reason) {
        }
    }

    /** What a connection does with the text of each frame, for a client that reads frames its own way (the bench). */
    public interface TextHandler {
        void onText(String text, long receivedNanos);

        default void onClosed(int code, String reason) {
        }
    }

    private final WebSocket socket;
    private final CompletableFuture<Integer> closed;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    private WsConnection(WebSocket socket, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.closed = closed;
    }

    /** Opens the connection; the future fails with {@link Refused} when the server refuses the upgrade. */
    public static CompletableFuture<WsConnection> open(HttpClient http, URI uri, Duration timeout, Handler handler) {
        return openText(http, uri, timeout, new TextHandler() {
            @Override
            public void onText(String text, long receivedNanos) {
                handler.onFrame(Frames.parse(text), receivedNanos);
            }

            @Override
            public void onClosed(int code, String reason) {
                handler.onClosed(code, reason);
            }
        });
    }

    /** As {@link #open}, handing on each frame's text unparsed. */
    public static CompletableFuture<WsConnection> openText(HttpClient http, URI uri, Duration timeout, TextHandler handler) {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        return http.newWebSocketBuilder()
                .connectTimeout(timeout)
                .buildAsync(uri, new Listener(handler, closed))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((socket, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                        if (cause instanceof WebSocketHandshakeException refused) {
                            throw new Refused(refused.getResponse().statusCode());
                        }
                        throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
                    }
                    return new WsConnection(socket, closed);
                });
    }

    /** The server answered the upgrade with an HTTP status instead of a WebSocket. */
    public static final class Refused extends RuntimeException {
        private final int status;

        public Refused(int status) {
            super("upgrade refused with HTTP " + status);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Queues a text frame; the future completes when it is sent. */
    public CompletableFuture<?> send(JsonNode frame) {
        return send(frame.toString());
    }

    /** Queues a text frame; the future completes when it is sent. */
    public synchronized CompletableFuture<?> send(String text) {
        sending = sending.handle((ok, failed) -> null).thenCompose(ignored -> socket.sendText(text, true));
        return sending;
    }

    public boolean isOpen() {
        return !closed.isDone() && !socket.isInputClosed() && !socket.isOutputClosed();
    }

    /** The close code once the connection closed (-1 for an abort or error). */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    /** Starts a normal close; the future completes when the server answered it. */
    public CompletableFuture<Integer> closeAsync() {
        synchronized (this) {
            sending = sending.handle((ok, failed) -> null)
                    .thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
        }
        return closed;
    }

    /** Cuts the connection at once. */
    public void abort() {
        socket.abort();
        closed.complete(-1);
    }

    /** Closes normally, waiting a little for the server's answer; cuts the connection if it does not come. */
    @Override
    public void close() {
        try {
            synchronized (this) {
                sending = sending.handle((ok, failed) -> null)
                        .thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"));
            }
            sending.get(2, TimeUnit.SECONDS);
            closed.get(2, TimeUnit.SECONDS);
        } catch (Exception notCleanly) {
            socket.abort();
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final TextHandler handler;
        private final CompletableFuture<Integer> closed;
        private final StringBuilder partial = new StringBuilder();

        Listener(TextHandler handler, CompletableFuture<Integer> closed) {
            this.handler = handler;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = System.nanoTime();
            if (last && partial.isEmpty()) {
                handler.onText(data.toString(), now);
            } else {
                partial.append(data);
                if (last) {
                    handler.onText(partial.toString(), now);
                    partial.setLength(0);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (closed.complete(statusCode)) {
                handler.onClosed(statusCode, reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (closed.complete(-1)) {
                handler.onClosed(-1, String.valueOf(error));
            }
        }
    }
}
