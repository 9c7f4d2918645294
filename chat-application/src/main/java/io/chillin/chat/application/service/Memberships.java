package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.domain.room.RoomName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which rooms each local connection receives, by room key: the send path's membership check and a connection's room
 * count are one map look-up, not a walk over every room's members. {@link RoomStream}s keep it in step with their
 * member sets, under their own locks.
 */
final class Memberships {

    private final Map<Connection, Map<String, RoomName>> rooms = new ConcurrentHashMap<>();

    void joined(Connection connection, RoomName room) {
        rooms.computeIfAbsent(connection, c -> new ConcurrentHashMap<>(4)).put(room.key(), room);
    }

    void left(Connection connection, RoomName room) {
        rooms.computeIfPresent(connection, (c, joined) -> {
            joined.remove(room.key());
            return joined.isEmpty() ? null : joined;
        });
    }

    /** The room as it is really named, when the connection receives it (however {@code asked} spelled it). */
    Optional<RoomName> find(Connection connection, RoomName asked) {
        Map<String, RoomName> joined = rooms.get(connection);
        return joined == null ? Optional.empty() : Optional.ofNullable(joined.get(asked.key()));
    }

    List<RoomName> of(Connection connection) {
        Map<String, RoomName> joined = rooms.get(connection);
        return joined == null ? List.of() : List.copyOf(joined.values());
    }
}
