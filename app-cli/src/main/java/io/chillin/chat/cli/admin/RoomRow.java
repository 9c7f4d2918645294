package io.chillin.chat.cli.admin;

import io.chillin.chat.domain.room.Room;
import java.time.Instant;

/**
 * A room as the admin sees it: never its password hash. {@code messages} is its newest seq (the number of
 * messages it has had); {@code passwordKind} is empty for a public room.
 */
public record RoomRow(String name, String description, String creator, boolean isPrivate, String passwordKind,
                      long messages, Instant createdAt) {

    public static RoomRow of(Room room, long messages) {
        String kind = room.passwordHash() == null ? "" : PasswordKind.of(room.passwordHash());
        return new RoomRow(room.name().value(), room.description().value(), room.creator().value(), room.isPrivate(),
                kind, messages, room.createdAt());
    }
}
