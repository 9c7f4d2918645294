package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Rooms in memory, by key. A {@link LocalMessageStore} on it shares its lock, so that a room's deletion and an
 * append to it never interleave.
 */
public final class LocalRoomStore implements RoomStore {

    private final TreeMap<String, Room> rooms = new TreeMap<>();
    /** The key of the room holding each skeleton. */
    private final Map<String, String> keysBySkeleton = new HashMap<>();
    private final List<Consumer<RoomName>> deletionListeners = new ArrayList<>();
    /** Whether a room has stored messages: none without a message store. */
    private Predicate<RoomName> hasHistory = room -> false;

    @Override
    public synchronized void create(Room room) {
        RoomName name = room.name();
        Optional<Room> holder = findLookAlike(name);
        if (holder.isPresent()) {
            throw name.takenBy(holder.get().name());
        }
        rooms.put(name.key(), room);
        keysBySkeleton.put(name.skeleton(), name.key());
    }

    @Override
    public synchronized Optional<Room> find(RoomName name) {
        return Optional.ofNullable(rooms.get(name.key()));
    }

    @Override
    public synchronized Optional<Room> findLookAlike(RoomName name) {
        return find(name).or(() -> Optional.ofNullable(keysBySkeleton.get(name.skeleton())).map(rooms::get));
    }

    @Override
    public synchronized List<Room> page(String afterKey, int limit) {
        return rooms.tailMap(afterKey, false).values().stream().limit(limit).toList();
    }

    @Override
    public synchronized List<Room> disposable(String afterKey, int limit) {
        return rooms.tailMap(afterKey, false).values().stream().filter(this::isDisposable).limit(limit).toList();
    }

    @Override
    public synchronized boolean deleteIfDisposable(RoomName name) {
        Room room = rooms.get(name.key());
        if (room == null || !isDisposable(room)) {
            return false;
        }
        delete(room.name());
        return true;
    }

    private boolean isDisposable(Room room) {
        return room.quickJoin() && !room.isPrivate() && !hasHistory.test(room.name());
    }

    @Override
    public synchronized void delete(RoomName name) {
        Room removed = rooms.remove(name.key());
        if (removed == null) {
            throw new ChatException.NotFound("no room named '" + name + "'");
        }
        keysBySkeleton.remove(removed.name().skeleton(), name.key());
        deletionListeners.forEach(listener -> listener.accept(name));
    }

    /** Lets a store that keeps per-room data in memory drop it with the room. */
    synchronized void onDelete(Consumer<RoomName> listener) {
        deletionListeners.add(listener);
    }

    /** Lets the message store say which rooms have history; it is asked under this store's lock. */
    synchronized void historyFrom(Predicate<RoomName> hasHistory) {
        this.hasHistory = hasHistory;
    }

    @Override
    public synchronized void updatePasswordHash(RoomName name, String passwordHash) {
        if (rooms.computeIfPresent(name.key(), (k, r) -> r.withPasswordHash(passwordHash)) == null) {
            throw new ChatException.NotFound("no room named '" + name + "'");
        }
    }
}
