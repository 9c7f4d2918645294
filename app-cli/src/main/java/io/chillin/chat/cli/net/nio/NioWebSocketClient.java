package io.chillin.chat.cli.net.nio;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket client for {@code ws://} URLs whose connections are shared out, in turn, over a fixed number of selector
 * threads: thousands of connections cost a few threads, not one each. Closing it ends every connection it opened.
 */
public final class NioWebSocketClient implements AutoCloseable {

    private final List<SelectorLoop> loops = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean closed;

    /** @param threads selector threads, 1 to 16 */
    public NioWebSocketClient(int threads) {
        if (threads < 1 || threads > 16) {
            throw new IllegalArgumentException("1 to 16 selector threads, not " + threads);
        }
        for (int i = 0; i < threads; i++) {
            loops.add(new SelectorLoop("ws-selector-" + i));
        }
    }

    /** Opens a connection from whatever local address the system picks. */
    public CompletableFuture<NioWebSocket> open(URI uri, Duration timeout, Listener listener) {
        return start(uri, timeout, null, listener);
    }

    /**
     * Opens a connection from the given local address (on a port the system picks): one address has only so many
     * ports for one destination, so many connections to one server need several.
     */
    public CompletableFuture<NioWebSocket> open(URI uri, Duration timeout, InetAddress source, Listener listener) {
        return start(uri, timeout, source, listener);
    }

    /**
     * The future completes when the handshake is done; it fails with {@code WsConnection.Refused} when the server
     * answers the upgrade with another status, with a {@code TimeoutException} when the timeout passes first.
     */
    private CompletableFuture<NioWebSocket> start(URI uri, Duration timeout, InetAddress source, Listener listener) {
        if (!"ws".equals(uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT)) || uri.getHost() == null) {
            throw new IllegalArgumentException("a ws:// URL with a host, not " + uri);
        }
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the client is closed"));
        }
        InetSocketAddress remote = new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
        SelectorLoop loop = loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
        NioWebSocket socket = new NioWebSocket(loop, uri, remote, source, timeout, listener);
        loop.execute(socket::start);
        return socket.opened();
    }

    /** Cuts every connection still open (close them first for a clean end) and stops the threads. */
    @Override
    public void close() {
        closed = true;
        loops.forEach(SelectorLoop::close);
    }
}
