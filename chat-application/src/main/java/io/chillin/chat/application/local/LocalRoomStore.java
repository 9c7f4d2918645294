package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Rooms in memory, in creation order. */
public final class LocalRoomStore implements RoomStore {

    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final List<Consumer<RoomName>> deletionListeners = new ArrayList<>();

    @Override
    public synchronized void create(Room room) {
        if (rooms.putIfAbsent(room.name().key(), room) != null) {
            throw new ChatException.Conflict("room '" + room.name() + "' already exists");
        }
    }

    @Override
    public synchronized Optional<Room> find(RoomName name) {
        return Optional.ofNullable(rooms.get(name.key()));
    }

    @Override
    public synchronized List<Room> list() {
        return new ArrayList<>(rooms.values());
    }

    @Override
    public synchronized void delete(RoomName name) {
        if (rooms.remove(name.key()) == null) {
            throw new ChatException.NotFound("no room named '" + name + "'");
        }
        deletionListeners.forEach(listener -> listener.accept(name));
    }

    /** Lets a store that keeps per-room data in memory drop it with the room. */
    synchronized void onDelete(Consumer<RoomName> listener) {
        deletionListeners.add(listener);
    }

    @Override
    public synchronized void updatePasswordHash(RoomName name, String passwordHash) {
        if (rooms.computeIfPresent(name.key(), (k, r) -> r.withPasswordHash(passwordHash)) == null) {
            throw new ChatException.NotFound("no room named '" + name + "'");
        }
    }
}
