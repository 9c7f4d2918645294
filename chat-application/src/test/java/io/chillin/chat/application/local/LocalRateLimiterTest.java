package io.chillin.chat.application.local;

import io.chillin.chat.application.contract.MutableClock;
import io.chillin.chat.application.contract.RateLimiterContract;
import io.chillin.chat.application.port.out.RateLimiter;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest extends RateLimiterContract {

    @Test
    void keys_idle_for_a_window_are_forgotten_once_many_are_held() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        LocalRateLimiter limiter = new LocalRateLimiter(5, Duration.ofSeconds(10), clock);
        for (int i = 0; i < LocalRateLimiter.SWEEP_FLOOR; i++) {
            limiter.tryAcquire("old-" + i);
        }
        clock.advance(Duration.ofSeconds(11));
        limiter.tryAcquire("new-0");
        limiter.tryAcquire("new-1");

        assertThat(limiter.keysHeld()).as("the idle keys went in one sweep").isEqualTo(2);
        assertThat(limiter.sweeps()).isEqualTo(1);
    }

    @Test
    void live_keys_are_not_swept_again_on_every_call() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        LocalRateLimiter limiter = new LocalRateLimiter(5, Duration.ofSeconds(10), clock);
        int live = 4 * LocalRateLimiter.SWEEP_FLOOR;
        for (int i = 0; i < live; i++) {
            limiter.tryAcquire("connection-" + i);
        }
        assertThat(limiter.keysHeld()).isEqualTo(live);
        // sweeps at 10,001 and 20,003 keys: each doubles the size the next one waits for
        assertThat(limiter.sweeps()).as("sweeps for %s live keys", live).isEqualTo(2);
    }

    @Override
    protected RateLimiter newLimiter(int limit, Duration window, MutableClock clock) {
        return new LocalRateLimiter(limit, window, clock);
    }
}
