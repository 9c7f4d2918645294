package io.chillin.chat.adapter.redis;

import io.chillin.chat.application.contract.MutableClock;
import io.chillin.chat.application.contract.RateLimiterContract;
import io.chillin.chat.application.port.out.RateLimiter;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The rate limiter contract over the real Redis. */
class RedisRateLimiterContractTest extends RateLimiterContract {

    @RegisterExtension
    static final TestRedis REDIS = new TestRedis();

    @Override
    protected RateLimiter newLimiter(int limit, Duration window, MutableClock clock) {
        return new RedisRateLimiter(REDIS.connect(), "test", limit, window, clock);
    }
}
