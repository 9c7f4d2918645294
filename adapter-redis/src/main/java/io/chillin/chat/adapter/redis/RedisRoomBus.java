package io.chillin.chat.adapter.redis;

import io.chillin.chat.application.local.LocalRoomBus;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room bus over Redis pub/sub. This instance's own subscribers get its events at once, in process;
 * other instances get them through Redis. Pub/sub loses what is published while a subscriber is cut off,
 * so every re-subscription tells the subscribers to catch up from the store.
 */
public final class RedisRoomBus implements RoomBus, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisRoomBus.class);

    private final Redis redis;
    private final String channel;
    private final String origin = UUID.randomUUID().toString();
    /** This instance's own subscribers. */
    private final LocalRoomBus local = new LocalRoomBus();
    /** Delivers what Redis brings off its I/O thread, one event at a time, in arrival order. */
    private final ExecutorService inbox = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("room-bus-inbox").factory());
    private final StatefulRedisPubSubConnection<String, String> pubSub;
    private final AtomicBoolean subscribedOnce = new AtomicBoolean();

    public RedisRoomBus(Redis redis) {
        this.redis = redis;
        this.channel = redis.key("room-events");
        this.pubSub = redis.connectPubSub();
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String text) {
                if (!RoomEventCodec.isFrom(text, origin)) { // this instance's own events come back too
                    inbox.execute(() -> receive(text));
                }
            }

            @Override
            public void subscribed(String from, long count) {
                if (!subscribedOnce.compareAndSet(false, true)) {
                    LOG.info("re-subscribed to the room bus; catching up from the store");
                    inbox.execute(local::possibleLoss);
                }
            }
        });
        pubSub.sync().subscribe(channel);
    }

    /**
     * Hands the event to Redis first, without waiting for its answer (one round trip saved per send), then to
     * this instance's subscribers.
     */
    @Override
    public void publish(RoomEvent event) {
        // The store has the message; other instances catch up when the bus is back.
        redis.publishAsync(channel, RoomEventCodec.encode(origin, event),
                failure -> LOG.warn("could not publish a room event to other instances: {}", failure.toString()));
        local.publish(event);
    }

    @Override
    public void subscribe(Subscriber subscriber) {
        local.subscribe(subscriber);
    }

    private void receive(String text) {
        RoomEventCodec.Received received;
        try {
            received = RoomEventCodec.decode(text);
        } catch (RuntimeException e) {
            LOG.warn("ignored an unreadable room event", e);
            return;
        }
        if (received.origin().equals(origin)) {
            return;
        }
        local.publish(received.event());
    }

    @Override
    public void close() {
        pubSub.close();
        inbox.shutdown();
        try {
            inbox.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
