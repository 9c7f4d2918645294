package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import java.util.List;
import java.util.Optional;

/**
 * A room store that announces every change on the room bus ({@link RoomEvent.RoomChanged}), so every
 * instance's caches and room-list watchers hear of it, whoever made it (a server or the admin CLI).
 */
public final class AnnouncedRoomStore implements RoomStore {

    private final RoomStore store;
    private final RoomBus bus;

    public AnnouncedRoomStore(RoomStore store, RoomBus bus) {
        this.store = store;
        this.bus = bus;
    }

    @Override
    public void create(Room room) {
        store.create(room);
        bus.publish(new RoomEvent.RoomChanged(room.name()));
    }

    @Override
    public Optional<Room> find(RoomName name) {
        return store.find(name);
    }

    @Override
    public Optional<Room> findLookAlike(RoomName name) {
        return store.findLookAlike(name);
    }

    @Override
    public List<Room> page(String afterKey, int limit) {
        return store.page(afterKey, limit);
    }

    @Override
    public List<Room> disposable(String afterKey, int limit) {
        return store.disposable(afterKey, limit);
    }

    @Override
    public boolean deleteIfDisposable(RoomName name) {
        boolean deleted = store.deleteIfDisposable(name);
        if (deleted) {
            bus.publish(new RoomEvent.RoomChanged(name, true));
        }
        return deleted;
    }

    @Override
    public void delete(RoomName name) {
        store.delete(name);
        bus.publish(new RoomEvent.RoomChanged(name, true));
    }

    @Override
    public void updatePasswordHash(RoomName name, String passwordHash) {
        store.updatePasswordHash(name, passwordHash);
        bus.publish(new RoomEvent.RoomChanged(name));
    }
}
