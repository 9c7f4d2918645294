package io.chillin.chat.adapter.redis;

import io.chillin.chat.application.contract.PresenceContract;
import io.chillin.chat.application.port.out.Presence;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The presence contract over the real Redis. */
class RedisPresenceContractTest extends PresenceContract {

    @RegisterExtension
    static final TestRedis REDIS = new TestRedis();

    @Override
    protected Presence newPresence() {
        return REDIS.closeAfterwards(new RedisPresence(REDIS.connect(), REDIS.prefix(), Duration.ofSeconds(10)));
    }
}
