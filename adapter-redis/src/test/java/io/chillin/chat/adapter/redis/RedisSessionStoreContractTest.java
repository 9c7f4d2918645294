package io.chillin.chat.adapter.redis;

import io.chillin.chat.application.contract.SessionStoreContract;
import io.chillin.chat.application.port.out.SessionStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session store contract over the real Redis. */
class RedisSessionStoreContractTest extends SessionStoreContract {

    @RegisterExtension
    static final TestRedis REDIS = new TestRedis();

    @Override
    protected SessionStore newStore() {
        return new RedisSessionStore(REDIS.connect());
    }
}
