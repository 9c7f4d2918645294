package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.Member;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.domain.room.RoomName;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Presence of this process's connections only: right for a single instance. */
public final class LocalPresence implements Presence {

    /** room key -> display-name key -> who holds the name and on which connections. */
    private final Map<String, LinkedHashMap<String, Holder>> rooms = new HashMap<>();

    @Override
    public synchronized Entry enter(RoomName room, Member member, String connectionId) {
        var names = rooms.computeIfAbsent(room.key(), k -> new LinkedHashMap<>());
        Holder holder = names.get(member.name().key());
        if (holder == null) {
            holder = new Holder(member);
            holder.connections.add(connectionId);
            names.put(member.name().key(), holder);
            return Entry.FIRST_CONNECTION;
        }
        if (!holder.member.identityKey().equals(member.identityKey())) {
            return Entry.NAME_TAKEN;
        }
        holder.connections.add(connectionId);
        return Entry.ANOTHER_CONNECTION;
    }

    @Override
    public synchronized Exit exit(RoomName room, String connectionId) {
        var names = rooms.get(room.key());
        if (names == null) {
            return Exit.WAS_NOT_PRESENT;
        }
        for (var it = names.values().iterator(); it.hasNext(); ) {
            Holder holder = it.next();
            if (holder.connections.remove(connectionId)) {
                if (!holder.connections.isEmpty()) {
                    return Exit.OTHER_CONNECTIONS_REMAIN;
                }
                it.remove();
                if (names.isEmpty()) {
                    rooms.remove(room.key());
                }
                return Exit.LAST_CONNECTION;
            }
        }
        return Exit.WAS_NOT_PRESENT;
    }

    @Override
    public synchronized boolean isPresent(RoomName room, String connectionId) {
        var names = rooms.get(room.key());
        return names != null && names.values().stream().anyMatch(h -> h.connections.contains(connectionId));
    }

    @Override
    public synchronized List<Member> members(RoomName room) {
        var names = rooms.get(room.key());
        return names == null ? List.of() : names.values().stream().map(h -> h.member).toList();
    }

    @Override
    public synchronized int count(RoomName room) {
        var names = rooms.get(room.key());
        return names == null ? 0 : names.size();
    }

    @Override
    public List<Departure> sweep() {
        return List.of();
    }

    private static final class Holder {
        final Member member;
        final Set<String> connections = new LinkedHashSet<>();

        Holder(Member member) {
            this.member = member;
        }
    }
}
