package io.chillin.chat.adapter.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.domain.ChatException;
import org.junit.jupiter.api.Test;

/** A Redis that goes away is Unavailable, in words that name no host, port or Lettuce exception. */
class RedisFaultsTest {

    private static final String UNAVAILABLE = "Redis is unavailable: try again shortly";

    @Test
    void what_callers_hear_of_a_redis_that_went_away_is_fixed_text() throws Exception {
        try (PrivateRedisServer server = PrivateRedisServer.start()) {
            Redis redis = Redis.connect(server.url(), TestNames.unique("faults-"));
            try {
                redis.ping();
                server.kill();

                assertThatThrownBy(redis::ping).isInstanceOf(ChatException.Unavailable.class).hasMessage(UNAVAILABLE);
                assertThatThrownBy(() -> new RedisSessionStore(redis).find("no-such-hash"))
                        .isInstanceOf(ChatException.Unavailable.class).hasMessage(UNAVAILABLE);
            } finally {
                redis.close();
            }
        }
    }
}
