package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.out.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} must do: a sliding window per key, atomic under concurrency. */
public abstract class RateLimiterContract {

    /** A limiter allowing {@code limit} per {@code window}, reading time from {@code clock}. */
    protected abstract RateLimiter newLimiter(int limit, Duration window, MutableClock clock);

    private final MutableClock clock = MutableClock.atEpochDay();

    @Test
    void allows_the_limit_then_refuses_with_the_time_to_wait() {
        RateLimiter limiter = newLimiter(3, Duration.ofSeconds(10), clock);
        String key = TestNames.unique("k");
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(key)).isEmpty();
            clock.advance(Duration.ofSeconds(1));
        }
        var refused = limiter.tryAcquire(key);
        assertThat(refused).isPresent();
        assertThat(refused.get()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void the_window_slides_so_permits_free_up_one_by_one() {
        RateLimiter limiter = newLimiter(2, Duration.ofSeconds(10), clock);
        String key = TestNames.unique("k");
        assertThat(limiter.tryAcquire(key)).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(limiter.tryAcquire(key)).isEmpty();
        assertThat(limiter.tryAcquire(key)).isPresent();
        clock.advance(Duration.ofSeconds(5).plusMillis(1));
        assertThat(limiter.tryAcquire(key)).as("the first permit left the window").isEmpty();
        assertThat(limiter.tryAcquire(key)).isPresent();
    }

    @Test
    void refused_attempts_do_not_use_up_permits() {
        RateLimiter limiter = newLimiter(1, Duration.ofSeconds(10), clock);
        String key = TestNames.unique("k");
        assertThat(limiter.tryAcquire(key)).isEmpty();
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire(key)).isPresent();
        }
        clock.advance(Duration.ofSeconds(10).plusMillis(1));
        assertThat(limiter.tryAcquire(key)).isEmpty();
    }

    @Test
    void a_released_permit_can_be_taken_again_at_once() {
        RateLimiter limiter = newLimiter(2, Duration.ofSeconds(10), clock);
        String key = TestNames.unique("k");
        assertThat(limiter.tryAcquire(key)).isEmpty();
        assertThat(limiter.tryAcquire(key)).isEmpty();
        assertThat(limiter.tryAcquire(key)).isPresent();

        limiter.release(key);

        assertThat(limiter.tryAcquire(key)).isEmpty();
        assertThat(limiter.tryAcquire(key)).isPresent();
    }

    @Test
    void releasing_more_than_was_taken_gives_no_extra_permits() {
        RateLimiter limiter = newLimiter(1, Duration.ofSeconds(10), clock);
        String key = TestNames.unique("k");
        limiter.release(key);
        assertThat(limiter.tryAcquire(key)).isEmpty();
        limiter.release(key);
        limiter.release(key);

        assertThat(limiter.tryAcquire(key)).isEmpty();
        assertThat(limiter.tryAcquire(key)).as("the limit is still 1").isPresent();
    }

    @Test
    void keys_are_independent() {
        RateLimiter limiter = newLimiter(1, Duration.ofSeconds(10), clock);
        assertThat(limiter.tryAcquire(TestNames.unique("a"))).isEmpty();
        assertThat(limiter.tryAcquire(TestNames.unique("b"))).isEmpty();
    }

    @Test
    void concurrent_attempts_never_exceed_the_limit() throws Exception {
        RateLimiter limiter = newLimiter(10, Duration.ofSeconds(10), clock);
        String key = TestNames.unique("k");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                tasks.add(() -> limiter.tryAcquire(key).isEmpty());
            }
            int allowed = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                allowed += f.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
    }
}
