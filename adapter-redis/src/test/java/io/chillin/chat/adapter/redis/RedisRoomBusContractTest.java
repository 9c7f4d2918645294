package io.chillin.chat.adapter.redis;

import io.chillin.chat.application.contract.RoomBusContract;
import io.chillin.chat.application.port.out.RoomBus;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The room bus contract over the real Redis: every bus made here is another instance of one cluster. */
class RedisRoomBusContractTest extends RoomBusContract {

    @RegisterExtension
    static final TestRedis REDIS = new TestRedis();

    @Override
    protected RoomBus newBus() {
        return REDIS.closeAfterwards(new RedisRoomBus(REDIS.connect()));
    }
}
