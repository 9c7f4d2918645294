package io.chillin.chat.cli.admin;

import io.chillin.chat.adapter.crypto.Argon2PasswordHasher;
import io.chillin.chat.domain.room.Room;
import java.time.Instant;

/**
 * A room as the admin sees it: never its password hash. {@code messages} is its newest seq (the number of
 * messages it has had); {@code passwordKind} is empty for a public room.
 */
public record RoomRow(String name, String description, String creator, boolean isPrivate, String passwordKind,
                      long messages, Instant createdAt) {

    public static RoomRow of(Room room, long messages) {
        String kind = room.passwordHash() == null ? ""
                : room.passwordHash().startsWith(Argon2PasswordHasher.LEGACY_PREFIX) ? "legacy-sha256" : "argon2id";
        return new RoomRow(room.name().value(), room.description().value(), room.creator().value(), room.isPrivate(),
                kind, messages, room.createdAt());
    }
}
