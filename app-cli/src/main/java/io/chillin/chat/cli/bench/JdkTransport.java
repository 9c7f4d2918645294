package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.net.WsConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Bench connections on java.net.http's WebSocket: for {@code wss://}, which the CLI's own client does not speak. Each
 * frame's text is read into a {@link BenchFrame} as the NIO client's bytes are.
 */
final class JdkTransport implements BenchTransport {

    private static final int CONNECTIONS_PER_CLIENT = 256;

    private final Duration timeout;
    private final List<HttpClient> clients = new ArrayList<>();

    JdkTransport(Duration timeout, int connections) {
        this.timeout = timeout;
        // each JDK HTTP client has one selector thread; a few of them spread the reading of many sockets
        int count = Math.clamp((connections + CONNECTIONS_PER_CLIENT - 1) / CONNECTIONS_PER_CLIENT, 1, 8);
        for (int i = 0; i < count; i++) {
            clients.add(HttpClient.newBuilder().connectTimeout(timeout).build());
        }
    }

    @Override
    public CompletableFuture<BenchSocket> open(int index, URI ws, FrameHandler handler) {
        return WsConnection.openText(clients.get(index % clients.size()), ws, timeout,
                        (text, at) -> handler.onFrame(BenchFrameReader.read(text), at))
                .thenApply(Socket::new);
    }

    /** Stops the clients at once (the bench closed its connections before), waiting a little for their threads. */
    @Override
    public void close() {
        for (HttpClient client : clients) {
            client.shutdownNow();
        }
        try {
            for (HttpClient client : clients) {
                client.awaitTermination(Duration.ofSeconds(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Socket(WsConnection connection) implements BenchSocket {
        @Override
        public void send(String text) {
            connection.send(text);
        }

        @Override
        public CompletableFuture<Integer> closeAsync() {
            return connection.closeAsync();
        }

        @Override
        public CompletableFuture<Integer> closed() {
            return connection.closed();
        }

        @Override
        public void abort() {
            connection.abort();
        }
    }
}
