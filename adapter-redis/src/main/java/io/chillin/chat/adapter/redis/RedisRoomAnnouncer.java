package io.chillin.chat.adapter.redis;

import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import java.util.UUID;

/**
 * The room bus of a tool that changes rooms under a running cluster (the admin CLI): it tells the instances, and
 * listens to nothing. Each publication waits for Redis's answer, so a tool that exits right after has been heard.
 */
public final class RedisRoomAnnouncer implements RoomBus {

    private final Redis redis;
    private final String channel;
    private final String origin = "announcer-" + UUID.randomUUID();

    public RedisRoomAnnouncer(Redis redis) {
        this.redis = redis;
        this.channel = redis.key("room-events");
    }

    @Override
    public void publish(RoomEvent event) {
        String encoded = RoomEventCodec.encode(origin, event);
        redis.call(commands -> commands.publish(channel, encoded));
    }

    /** @throws UnsupportedOperationException always: an announcer hears nothing */
    @Override
    public void subscribe(Subscriber subscriber) {
        throw new UnsupportedOperationException("an announcer only publishes");
    }
}
