package io.chillin.chat.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** What the bus does when its Redis goes away and comes back: subscribers hear that they may have missed events. */
class RedisRoomBusRecoveryTest {

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void after_redis_restarts_subscribers_are_told_to_catch_up_and_events_flow_again() throws Exception {
        try (PrivateRedisServer server = PrivateRedisServer.start()) {
            String prefix = TestNames.unique("recovery-");
            Redis publisherSide = Redis.connect(server.url(), prefix);
            Redis subscriberSide = Redis.connect(server.url(), prefix);
            RedisRoomBus publisher = new RedisRoomBus(publisherSide);
            RedisRoomBus receiver = new RedisRoomBus(subscriberSide);
            List<RoomEvent> received = new CopyOnWriteArrayList<>();
            AtomicInteger catchUps = new AtomicInteger();
            receiver.subscribe(new RoomBus.Subscriber() {
                @Override
                public void onEvent(RoomEvent event) {
                    received.add(event);
                }

                @Override
                public void onPossibleLoss() {
                    catchUps.incrementAndGet();
                }
            });
            var room = TestNames.room();
            publisher.publish(new RoomEvent.MembershipChanged(room, Username.of("before"), true, Instant.now()));
            await(() -> received.size() == 1, "the first event");

            server.kill();
            publisher.publish(new RoomEvent.MembershipChanged(room, Username.of("lost"), true, Instant.now()));
            server.startProcess();

            await(() -> catchUps.get() >= 1, "a catch-up call after the re-subscription");
            RoomEvent after = new RoomEvent.MembershipChanged(room, Username.of("after"), true, Instant.now());
            await(() -> {
                publisher.publish(after);
                return received.contains(after);
            }, "events flowing again");
            assertThat(received.getFirst()).isInstanceOfSatisfying(RoomEvent.MembershipChanged.class,
                    e -> assertThat(e.user().value()).isEqualTo("before"));
            publisher.close();
            receiver.close();
            publisherSide.close();
            subscriberSide.close();
        }
    }
}
