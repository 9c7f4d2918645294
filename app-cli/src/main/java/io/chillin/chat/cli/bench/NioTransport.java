package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.net.nio.Listener;
import io.chillin.chat.cli.net.nio.NioWebSocket;
import io.chillin.chat.cli.net.nio.NioWebSocketClient;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Bench connections on the CLI's own NIO client ({@code ws://} only): frames are read from the selector's buffer
 * straight into a {@link BenchFrame}, so a received frame costs a parse of a few fields and no thread hand-off.
 * Connection {@code i} binds to source address {@code i mod n} when addresses are given.
 */
final class NioTransport implements BenchTransport {

    /**
     * Two selector threads: on a small machine the load generator shares the cores with the server it measures, and
     * one thread reads several thousand frames a second with room to spare; a second keeps a stall of one (a GC, a
     * long burst) from holding up every connection.
     */
    private static final int SELECTOR_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private final NioWebSocketClient client = new NioWebSocketClient(SELECTOR_THREADS);
    private final Duration timeout;
    private final List<InetAddress> sources;

    NioTransport(Duration timeout, List<InetAddress> sources) {
        this.timeout = timeout;
        this.sources = List.copyOf(sources);
    }

    @Override
    public CompletableFuture<BenchSocket> open(int index, URI ws, FrameHandler handler) {
        Listener listener = (utf8, offset, length, at) -> handler.onFrame(BenchFrameReader.read(utf8, offset, length), at);
        CompletableFuture<NioWebSocket> opening = sources.isEmpty() ? client.open(ws, timeout, listener)
                : client.open(ws, timeout, sources.get(index % sources.size()), listener);
        return opening.thenApply(Socket::new);
    }

    @Override
    public void close() {
        client.close();
    }

    private record Socket(NioWebSocket ws) implements BenchSocket {
        @Override
        public void send(String text) {
            ws.sendText(text);
        }

        @Override
        public CompletableFuture<Integer> closeAsync() {
            return ws.closeAsync();
        }

        @Override
        public CompletableFuture<Integer> closed() {
            return ws.closed();
        }

        @Override
        public void abort() {
            ws.abort();
        }
    }
}
