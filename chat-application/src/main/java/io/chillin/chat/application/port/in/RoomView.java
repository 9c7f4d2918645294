package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;

/** A room as listed: never its password or hash. {@code memberCount} is who is online in it now. */
public record RoomView(RoomName name, String description, Username creator, boolean isPrivate, int memberCount,
                       Instant createdAt) {

    public static RoomView of(Room room, int memberCount) {
        return new RoomView(room.name(), room.description().value(), room.creator(), room.isPrivate(), memberCount,
                room.createdAt());
    }
}
