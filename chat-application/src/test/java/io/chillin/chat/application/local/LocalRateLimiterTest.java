package io.chillin.chat.application.local;

import io.chillin.chat.application.contract.MutableClock;
import io.chillin.chat.application.contract.RateLimiterContract;
import io.chillin.chat.application.port.out.RateLimiter;
import java.time.Duration;

class LocalRateLimiterTest extends RateLimiterContract {

    @Override
    protected RateLimiter newLimiter(int limit, Duration window, MutableClock clock) {
        return new LocalRateLimiter(limit, window, clock);
    }
}
