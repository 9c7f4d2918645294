package io.chillin.chat.application.service;

import io.chillin.chat.domain.room.RoomName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which typing notices are worth relaying: for each user in each room, a start at most once per
 * interval, and a stop only after a relayed start. Clients repeat {@code typing} while the user types (the web
 * client on every key), so everything else would be noise that costs every member a frame, and in a cluster a
 * Redis publish. The notices have no reply, so what is not relayed is dropped silently. Per instance: a user typing
 * on two instances at once may be relayed twice per interval.
 */
final class TypingThrottle {

    private static final int FORGET_ABOVE = 10_000;

    private record Key(String identityKey, String roomKey) {
    }

    /** What was last relayed for a key: whether it was a start, and when the last start went out. */
    private record Relayed(boolean typing, Instant startedAt) {
    }

    private final Duration interval;
    private final Clock clock;
    private final ConcurrentHashMap<Key, Relayed> relayed = new ConcurrentHashMap<>();

    TypingThrottle(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /** True when this start or stop should reach the other members; records it if so. */
    boolean shouldRelay(String identityKey, RoomName room, boolean typing) {
        Instant now = clock.instant();
        boolean[] relay = new boolean[1];
        relayed.compute(new Key(identityKey, room.key()), (k, last) -> {
            if (typing) {
                relay[0] = last == null || !now.isBefore(last.startedAt().plus(interval));
                return relay[0] ? new Relayed(true, now) : last;
            }
            relay[0] = last != null && last.typing();
            return relay[0] ? new Relayed(false, last.startedAt()) : last;
        });
        if (relayed.size() > FORGET_ABOVE) {
            forgetOlderThan(now.minus(interval));
        }
        return relay[0];
    }

    /** The user left the room: its next start is news again. */
    void forget(String identityKey, RoomName room) {
        relayed.remove(new Key(identityKey, room.key()));
    }

    private void forgetOlderThan(Instant horizon) {
        relayed.values().removeIf(r -> !r.typing() && r.startedAt().isBefore(horizon));
    }
}
