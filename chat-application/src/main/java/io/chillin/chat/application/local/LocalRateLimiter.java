package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sliding-window log per key in memory: exact, and right for a single instance. Keys idle for a window are
 * forgotten in a sweep once the map has grown to twice what the last sweep left (and past {@link #SWEEP_FLOOR}), so
 * that a sweep costs O(1) per call on average even when every key is live (one per connection, say).
 */
public final class LocalRateLimiter implements RateLimiter {

    static final int SWEEP_FLOOR = 10_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, ArrayDeque<Instant>> logs = new ConcurrentHashMap<>();
    private volatile int sweepAbove = SWEEP_FLOOR;
    private final AtomicLong sweeps = new AtomicLong();

    public LocalRateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need a positive limit and window");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> tryAcquire(String key) {
        Instant now = clock.instant();
        Instant horizon = now.minus(window);
        Duration[] wait = new Duration[1];
        logs.compute(key, (k, log) -> {
            ArrayDeque<Instant> times = log == null ? new ArrayDeque<>() : log;
            while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                wait[0] = Duration.between(horizon, times.peekFirst());
                return times;
            }
            times.addLast(now);
            return times;
        });
        if (logs.size() > sweepAbove) {
            forgetIdleKeys(horizon);
        }
        return Optional.ofNullable(wait[0]);
    }

    @Override
    public void release(String key) {
        logs.computeIfPresent(key, (k, times) -> {
            times.pollLast();
            return times;
        });
    }

    private synchronized void forgetIdleKeys(Instant horizon) {
        if (logs.size() <= sweepAbove) {
            return; // another thread has just swept
        }
        sweeps.incrementAndGet();
        for (String key : logs.keySet()) {
            logs.computeIfPresent(key, (k, times) -> times.isEmpty() || !times.peekLast().isAfter(horizon) ? null : times);
        }
        sweepAbove = Math.max(SWEEP_FLOOR, 2 * logs.size());
    }

    /** Keys held now (idle ones included until the next sweep). */
    int keysHeld() {
        return logs.size();
    }

    /** Sweeps so far. */
    long sweeps() {
        return sweeps.get();
    }
}
