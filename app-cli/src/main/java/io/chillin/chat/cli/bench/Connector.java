package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.net.ServerUrl;
import io.chillin.chat.cli.net.WsConnection;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Opens many WebSockets, connection {@code i} to URL {@code i mod n}, at most {@code concurrency} handshakes at a
 * time, each bounded by the timeout and all by the deadline; measures each handshake. {@code ws://} URLs go through
 * the CLI's own NIO client, {@code wss://} ones through java.net.http's. Closing it ends whatever is still open.
 */
final class Connector implements AutoCloseable {

    private final List<ServerUrl> urls;
    private final int concurrency;
    private final Duration timeout;
    private final Map<String, BenchTransport> transports;

    /** With a client for each scheme the URLs use: the NIO one for {@code ws}, java.net.http's for {@code wss}. */
    static Connector forUrls(List<ServerUrl> urls, int concurrency, Duration timeout, int connections,
                             List<InetAddress> sources) {
        Map<String, BenchTransport> transports = new TreeMap<>();
        for (ServerUrl url : urls) {
            transports.computeIfAbsent(scheme(url.ws(null)), scheme -> scheme.equals("wss")
                    ? new JdkTransport(timeout, connections) : new NioTransport(timeout, sources));
        }
        return new Connector(urls, concurrency, timeout, transports);
    }

    /** {@code transports} by scheme ({@code ws}, {@code wss}), one for each scheme of the URLs. */
    Connector(List<ServerUrl> urls, int concurrency, Duration timeout, Map<String, BenchTransport> transports) {
        this.urls = List.copyOf(urls);
        this.concurrency = concurrency;
        this.timeout = timeout;
        this.transports = Map.copyOf(transports);
    }

    /**
     * The connections (null where one failed or was never tried), the handshake latencies, failures by reason, and
     * when the first handshake started ({@code System.nanoTime}) and how long until the last ended.
     */
    record Opened(List<BenchSocket> connections, LatencyRecorder latency, Map<String, Long> failures, long notTried,
                  long startedNanos, double seconds) {
        long open() {
            return connections.stream().filter(Objects::nonNull).count();
        }
    }

    /** What to do with a connection as soon as it is open, on the client's thread; it must not wait. */
    @FunctionalInterface
    interface OnOpen {
        OnOpen NOTHING = (index, connection) -> { };

        void opened(int index, BenchSocket connection);
    }

    Opened open(int count, IntFunction<FrameHandler> handlers, long deadlineNanos) throws InterruptedException {
        return open(count, handlers, OnOpen.NOTHING, deadlineNanos);
    }

    Opened open(int count, IntFunction<FrameHandler> handlers, OnOpen onOpen, long deadlineNanos)
            throws InterruptedException {
        List<BenchSocket> connections = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, null)));
        LatencyRecorder latency = new LatencyRecorder();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(concurrency);
        CountDownLatch done = new CountDownLatch(count);
        long started = System.nanoTime();
        long notTried = 0;
        for (int i = 0; i < count; i++) {
            if (System.nanoTime() > deadlineNanos
                    || !inFlight.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                notTried = count - i;
                for (int k = i; k < count; k++) {
                    done.countDown();
                }
                break;
            }
            int index = i;
            long start = System.nanoTime();
            URI ws = urls.get(i % urls.size()).ws(null);
            CompletableFuture<BenchSocket> opening;
            try {
                opening = transports.get(scheme(ws)).open(i, ws, handlers.apply(i));
            } catch (RuntimeException e) {
                opening = CompletableFuture.failedFuture(e);
            }
            opening.whenComplete((connection, error) -> {
                try {
                    if (error == null) {
                        latency.recordNanos(System.nanoTime() - start);
                        connections.set(index, connection);
                        onOpen.opened(index, connection);
                    } else {
                        failures.computeIfAbsent(reason(error), r -> new LongAdder()).increment();
                    }
                } finally {
                    // whatever the hook did, the handshake is over: its slot is free and it counts as done
                    inFlight.release();
                    done.countDown();
                }
            });
        }
        done.await(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> failed = new TreeMap<>();
        failures.forEach((reason, n) -> failed.put(reason, n.sum()));
        return new Opened(new ArrayList<>(connections), latency, failed, notTried, started, seconds);
    }

    private static String scheme(URI ws) {
        return ws.getScheme().toLowerCase(java.util.Locale.ROOT);
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof WsConnection.Refused refused) {
            return "HTTP " + refused.status();
        }
        if (cause instanceof TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return "timeout";
        }
        return cause.getClass().getSimpleName();
    }

    /** Closes every connection, waiting a few seconds in all for the server's answers, then cuts the rest. */
    static void closeAll(List<BenchSocket> connections) {
        List<BenchSocket> open = connections.stream().filter(Objects::nonNull).toList();
        List<CompletableFuture<Integer>> closing = open.stream().map(BenchSocket::closeAsync).toList();
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (Exception notAllInTime) {
            if (notAllInTime instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        open.stream().filter(c -> !c.closed().isDone()).forEach(BenchSocket::abort);
    }

    /** Ends the clients and whatever they still hold. */
    @Override
    public void close() {
        transports.values().forEach(BenchTransport::close);
    }
}
