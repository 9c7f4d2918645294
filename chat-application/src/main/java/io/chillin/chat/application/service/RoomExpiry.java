package io.chillin.chat.application.service;

import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deletes the rooms that quick-joins made and nobody used: disposable ones (public, no stored message; see
 * {@link RoomStore}) that nobody has been in for a while. Every instance hears every arrival and departure on the
 * bus, so each knows when a room was last entered or left; an instance that may have missed some (it just started, or
 * the bus reconnected) counts every room as used just then. The store deletes a room only if it is still disposable,
 * in one step, so instances that sweep at once delete it once, and a message stored meanwhile keeps it.
 */
public final class RoomExpiry implements RoomBus.Subscriber {

    /** Disposable rooms looked at per store call, and counted per presence call. */
    static final int BATCH = 200;

    private final RoomStore rooms;
    private final Presence presence;
    private final Clock clock;
    /** Room key → when a member last arrived in it or left it, as heard on the bus. */
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();
    /** Since when this instance has heard of every arrival and departure. */
    private volatile Instant heardSince;

    public RoomExpiry(RoomStore rooms, Presence presence, Clock clock) {
        this.rooms = rooms;
        this.presence = presence;
        this.clock = clock;
        this.heardSince = clock.instant();
    }

    @Override
    public void onEvent(RoomEvent event) {
        if (event instanceof RoomEvent.MembershipChanged changed) {
            lastUsed.put(changed.room().key(), clock.instant());
        }
    }

    @Override
    public void onPossibleLoss() {
        heardSince = clock.instant();
        lastUsed.clear();
    }

    /** Deletes the disposable rooms nobody has been in for at least {@code idle}, and says which. */
    public List<RoomName> expire(Duration idle) {
        Instant now = clock.instant();
        Instant cutoff = now.minus(idle);
        // what was used before the cutoff no longer keeps a room: forget it, so this map holds recent rooms only
        lastUsed.values().removeIf(used -> !used.isAfter(cutoff));
        if (heardSince.isAfter(cutoff)) {
            return List.of();
        }
        List<RoomName> deleted = new ArrayList<>();
        String after = "";
        List<Room> batch;
        do {
            batch = rooms.disposable(after, BATCH);
            List<Room> unused = batch.stream()
                    .filter(room -> !room.createdAt().isAfter(cutoff) && !lastUsed.containsKey(room.name().key()))
                    .toList();
            Map<RoomName, Integer> counts = unused.isEmpty() ? Map.of()
                    : presence.counts(unused.stream().map(Room::name).toList());
            for (Room room : unused) {
                if (counts.getOrDefault(room.name(), 0) > 0) {
                    // somebody is in it whose arrival this instance did not hear of
                    lastUsed.put(room.name().key(), now);
                } else if (rooms.deleteIfDisposable(room.name())) {
                    deleted.add(room.name());
                }
            }
            if (!batch.isEmpty()) {
                after = batch.getLast().name().key();
            }
        } while (batch.size() == BATCH);
        return deleted;
    }
}
