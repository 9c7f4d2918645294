package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the rooms in memory in front of a shared store, for a cluster where every join and listing would
 * otherwise ask the database. It is never stale: every change through any instance is announced on the
 * room bus (see {@link AnnouncedRoomStore}) and drops the cached copies everywhere, and so does any hint
 * that the bus lost events. Only rooms that exist are cached, so a room created elsewhere is found at once.
 * Pages of the room list are cached too (a few at a time); any change drops them all, since a new room may belong
 * on any of them. Which rooms are disposable is asked of the store each time: only housekeeping asks.
 */
public final class CachedRoomStore implements RoomStore, RoomBus.Subscriber {

    /** Pages kept at most: the first pages of the list and a few cursors' worth. */
    static final int MAX_PAGES = 64;

    private final RoomStore store;
    private final ConcurrentHashMap<String, Room> byKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PageKey, List<Room>> pages = new ConcurrentHashMap<>();
    /** Moves on every change, so that a page read before the change is not cached after it. */
    private final AtomicLong changes = new AtomicLong();

    public CachedRoomStore(RoomStore store, RoomBus bus) {
        this.store = store;
        bus.subscribe(this);
    }

    @Override
    public void create(Room room) {
        store.create(room);
        forget(room.name());
    }

    @Override
    public Optional<Room> find(RoomName name) {
        Room cached = byKey.get(name.key());
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Room> found = store.find(name);
        found.ifPresent(room -> byKey.put(name.key(), room));
        return found;
    }

    /** Asked only when a room is about to be made, so not cached. */
    @Override
    public Optional<Room> findLookAlike(RoomName name) {
        return store.findLookAlike(name);
    }

    @Override
    public List<Room> page(String afterKey, int limit) {
        PageKey key = new PageKey(afterKey, limit);
        List<Room> cached = pages.get(key);
        if (cached != null) {
            return cached;
        }
        long before = changes.get();
        List<Room> page = List.copyOf(store.page(afterKey, limit));
        if (pages.size() >= MAX_PAGES) {
            pages.clear();
        }
        pages.put(key, page);
        if (changes.get() != before) {
            pages.remove(key, page);
        }
        return page;
    }

    @Override
    public List<Room> disposable(String afterKey, int limit) {
        return store.disposable(afterKey, limit);
    }

    @Override
    public boolean deleteIfDisposable(RoomName name) {
        boolean deleted = store.deleteIfDisposable(name);
        if (deleted) {
            forget(name);
        }
        return deleted;
    }

    @Override
    public void delete(RoomName name) {
        store.delete(name);
        forget(name);
    }

    @Override
    public void updatePasswordHash(RoomName name, String passwordHash) {
        store.updatePasswordHash(name, passwordHash);
        forget(name);
    }

    private void forget(RoomName name) {
        changes.incrementAndGet();
        byKey.remove(name.key());
        pages.clear();
    }

    @Override
    public void onEvent(RoomEvent event) {
        if (event instanceof RoomEvent.RoomChanged changed) {
            forget(changed.room());
        }
    }

    @Override
    public void onPossibleLoss() {
        changes.incrementAndGet();
        byKey.clear();
        pages.clear();
    }

    private record PageKey(String afterKey, int limit) {
    }
}
