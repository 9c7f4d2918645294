package io.chillin.chat.adapter.redis;

import io.chillin.chat.application.port.out.RateLimiter;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A sliding-window log per key in a Redis sorted set, checked and updated by one Lua script, so the limit
 * holds across every instance at once. Times come from this instance's clock.
 */
public final class RedisRateLimiter implements RateLimiter {

    private static final LuaScript ACQUIRE = new LuaScript("""
            local key, now, window, limit, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
            redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
            if redis.call('ZCARD', key) < limit then
              redis.call('ZADD', key, now, member)
              redis.call('PEXPIRE', key, window)
              return -1
            end
            local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
            return tonumber(oldest[2]) + window - now
            """);

    private final Redis redis;
    private final String name;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    /** @param name tells this limiter's keys apart from other limiters' (e.g. "messages", "auth") */
    public RedisRateLimiter(Redis redis, String name, int limit, Duration window, Clock clock) {
        this.redis = redis;
        this.name = name;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> tryAcquire(String key) {
        long now = clock.millis();
        Long wait = redis.script(ACQUIRE, ScriptOutputType.INTEGER, new String[] {redis.key("rate", name, key)},
                Long.toString(now), Long.toString(window.toMillis()), Integer.toString(limit),
                now + "-" + UUID.randomUUID());
        return wait < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(1, wait)));
    }

    @Override
    public void release(String key) {
        // the newest permit (the highest score): the one just taken, or a later one; the count is what matters
        redis.call(r -> r.zpopmax(redis.key("rate", name, key)));
    }
}
