package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the rooms in memory in front of a shared store, for a cluster where every join and listing would
 * otherwise ask the database. It is never stale: every change through any instance is announced on the
 * room bus (see {@link AnnouncedRoomStore}) and drops the cached copies everywhere, and so does any hint
 * that the bus lost events. Only rooms that exist are cached, so a room created elsewhere is found at once.
 */
public final class CachedRoomStore implements RoomStore, RoomBus.Subscriber {

    private final RoomStore store;
    private final ConcurrentHashMap<String, Room> byKey = new ConcurrentHashMap<>();
    private volatile List<Room> all;

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

    @Override
    public List<Room> list() {
        List<Room> rooms = all;
        if (rooms == null) {
            rooms = List.copyOf(store.list());
            all = rooms;
        }
        return rooms;
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
        byKey.remove(name.key());
        all = null;
    }

    @Override
    public void onEvent(RoomEvent event) {
        if (event instanceof RoomEvent.RoomChanged changed) {
            forget(changed.room());
        }
    }

    @Override
    public void onPossibleLoss() {
        byKey.clear();
        all = null;
    }
}
