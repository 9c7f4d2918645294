package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.domain.room.RoomName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which rooms each local connection receives, by room key: the send path's membership check and a connection's room
 * count are one map look-up, not a walk over every room's members. {@link RoomStream}s keep it in step with their
 * member sets, under their own locks. Each connection's rooms are an immutable map, replaced on a join or a leave: a
 * connection is in few rooms and changes them rarely, and most hold one, which costs a few bytes this way.
 */
final class Memberships {

    private final Map<Connection, Map<String, RoomName>> rooms = new ConcurrentHashMap<>();

    void joined(Connection connection, RoomName room) {
        rooms.compute(connection, (c, joined) -> {
            if (joined == null) {
                return Map.of(room.key(), room);
            }
            Map<String, RoomName> more = new HashMap<>(joined);
            more.put(room.key(), room);
            return Map.copyOf(more);
        });
    }

    void left(Connection connection, RoomName room) {
        rooms.computeIfPresent(connection, (c, joined) -> {
            Map<String, RoomName> fewer = new HashMap<>(joined);
            fewer.remove(room.key());
            return fewer.isEmpty() ? null : Map.copyOf(fewer);
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
