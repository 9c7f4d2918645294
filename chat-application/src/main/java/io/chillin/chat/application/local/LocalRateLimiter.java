package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A sliding-window log per key in memory: exact, and right for a single instance. */
public final class LocalRateLimiter implements RateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, ArrayDeque<Instant>> logs = new ConcurrentHashMap<>();

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
        if (logs.size() > 10_000) {
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

    private void forgetIdleKeys(Instant horizon) {
        for (String key : logs.keySet()) {
            logs.computeIfPresent(key, (k, times) -> times.isEmpty() || !times.peekLast().isAfter(horizon) ? null : times);
        }
    }
}
