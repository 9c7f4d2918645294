package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;

/**
 * A room as listed: never its password or hash. {@code memberCount} is who is online in it now; {@code reading} is
 * how far the viewer has read it, null when nobody asked as a viewer.
 */
public record RoomView(RoomName name, String description, Username creator, boolean isPrivate, int memberCount,
                       Instant createdAt, Reading reading) {

    public static RoomView of(Room room, int memberCount) {
        return new RoomView(room.name(), room.description().value(), room.creator(), room.isPrivate(), memberCount,
                room.createdAt(), null);
    }

    public RoomView withReading(Reading reading) {
        return new RoomView(name, description, creator, isPrivate, memberCount, createdAt, reading);
    }

    /** The viewer's marker, the messages above it neither deleted nor its own, and how many of those mention it. */
    public record Reading(long lastReadSeq, long unread, long unreadMentions) {
    }
}
