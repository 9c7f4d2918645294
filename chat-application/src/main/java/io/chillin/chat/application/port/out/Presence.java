package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.room.RoomName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in which room now, by connection. One member may be present on several connections and
 * counts once; a display name belongs to one identity at a time within a room.
 */
public interface Presence {

    /** Records that a connection of the member is in the room, unless another identity holds the name there. */
    Entry enter(RoomName room, Member member, String connectionId);

    /** Forgets the connection in the room; says whether the member still has another connection there. */
    Exit exit(RoomName room, String connectionId);

    /** Whether this connection is in the room. */
    boolean isPresent(RoomName room, String connectionId);

    /** The distinct members in the room, in the order they arrived. */
    List<Member> members(RoomName room);

    /** The number of distinct members in the room. */
    int count(RoomName room);

    /** The number of distinct members in each of the rooms (0 for an empty or unknown one), in one round trip. */
    default Map<RoomName, Integer> counts(List<RoomName> rooms) {
        Map<RoomName, Integer> counts = new LinkedHashMap<>();
        for (RoomName room : rooms) {
            counts.put(room, count(room));
        }
        return counts;
    }

    /**
     * Forgets the connections held by server instances that stopped reporting alive (crashed or cut
     * off), and says who thereby left which room. An in-process presence has nobody to forget.
     */
    List<Departure> sweep();

    /** A member whose last connection in the room was forgotten by a sweep. */
    record Departure(RoomName room, Member member) {
    }

    enum Entry { FIRST_CONNECTION, ANOTHER_CONNECTION, NAME_TAKEN }

    enum Exit { LAST_CONNECTION, OTHER_CONNECTIONS_REMAIN, WAS_NOT_PRESENT }
}
