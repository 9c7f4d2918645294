package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.net.ServerUrl;
import io.chillin.chat.cli.net.WsConnection;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Opens many WebSockets, connection {@code i} to URL {@code i mod n}, at most {@code concurrency} handshakes at a
 * time, each bounded by the timeout and all by the deadline; measures each handshake.
 */
final class Connector {

    private static final int CONNECTIONS_PER_CLIENT = 256;

    private final List<ServerUrl> urls;
    private final int concurrency;
    private final Duration timeout;
    private final List<HttpClient> clients = new ArrayList<>();

    Connector(List<ServerUrl> urls, int concurrency, Duration timeout, int connections) {
        this.urls = List.copyOf(urls);
        this.concurrency = concurrency;
        this.timeout = timeout;
        // each JDK HTTP client has one selector thread; a few of them spread the reading of many sockets
        int count = Math.clamp((connections + CONNECTIONS_PER_CLIENT - 1) / CONNECTIONS_PER_CLIENT, 1, 8);
        for (int i = 0; i < count; i++) {
            clients.add(HttpClient.newBuilder().connectTimeout(timeout).build());
        }
    }

    /** The connections (null where one failed or was never tried), the handshake latencies, and failures by reason. */
    record Opened(List<WsConnection> connections, LatencyRecorder latency, Map<String, Long> failures, long notTried,
                  double seconds) {
        long open() {
            return connections.stream().filter(c -> c != null).count();
        }
    }

    Opened open(int count, IntFunction<WsConnection.Handler> handlers, long deadlineNanos) throws InterruptedException {
        List<WsConnection> connections = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(count, null)));
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
            WsConnection.open(clients.get(i % clients.size()), urls.get(i % urls.size()).ws(null), timeout, handlers.apply(i))
                    .whenComplete((connection, error) -> {
                        if (error == null) {
                            latency.recordNanos(System.nanoTime() - start);
                            connections.set(index, connection);
                        } else {
                            failures.computeIfAbsent(reason(error), r -> new LongAdder()).increment();
                        }
                        inFlight.release();
                        done.countDown();
                    });
        }
        done.await(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> failed = new java.util.TreeMap<>();
        failures.forEach((reason, n) -> failed.put(reason, n.sum()));
        return new Opened(new ArrayList<>(connections), latency, failed, notTried, seconds);
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof WsConnection.Refused refused) {
            return "HTTP " + refused.status();
        }
        if (cause instanceof java.util.concurrent.TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
            return "timeout";
        }
        return cause.getClass().getSimpleName();
    }

    /** Closes every connection, waiting a few seconds in all for the server's answers, then cuts the rest. */
    static void closeAll(List<WsConnection> connections) {
        List<WsConnection> open = connections.stream().filter(c -> c != null).toList();
        List<java.util.concurrent.CompletableFuture<Integer>> closing = open.stream().map(WsConnection::closeAsync).toList();
        try {
            java.util.concurrent.CompletableFuture.allOf(closing.toArray(java.util.concurrent.CompletableFuture[]::new))
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception notAllInTime) {
            if (notAllInTime instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        open.stream().filter(c -> !c.closed().isDone()).forEach(WsConnection::abort);
    }
}
