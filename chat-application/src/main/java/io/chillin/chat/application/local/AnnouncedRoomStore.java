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
    public List<Room> list() {
        return store.list();
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
