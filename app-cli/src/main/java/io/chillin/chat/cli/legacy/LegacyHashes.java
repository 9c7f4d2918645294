package io.chillin.chat.cli.legacy;

import io.chillin.chat.adapter.crypto.Argon2PasswordHasher;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The old app's password hashes (hex SHA-256, unsalted): planned in the form the server reads as legacy, then
 * strengthened with Argon2id just before they are written, so that a stolen or guessed-at import costs as much as
 * any other hash; the first successful login or join replaces them with plain Argon2id. Only what is written is
 * hashed: a dry run or a second run spends no Argon2 work.
 */
final class LegacyHashes {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Argon2PasswordHasher hasher;

    LegacyHashes(Argon2PasswordHasher hasher) {
        this.hasher = hasher;
    }

    /** The planned form of the old app's hash, or empty when it is none (nobody could log in with it). */
    static Optional<String> stored(String legacy) {
        if (legacy == null || !HEX_SHA256.matcher(legacy.strip()).matches()) {
            return Optional.empty();
        }
        return Optional.of(Argon2PasswordHasher.legacyHash(legacy.strip()));
    }

    List<User> strengthenUsers(List<User> users, ProgressBar bar) {
        List<User> strengthened = new ArrayList<>(users.size());
        for (User user : users) {
            strengthened.add(new User(user.username(), hasher.strengthenLegacy(user.passwordHash()), user.email(),
                    user.createdAt()));
            bar.update(strengthened.size());
        }
        bar.finish();
        return strengthened;
    }

    /** Public rooms have no hash and stay as they are. */
    List<Room> strengthenRooms(List<Room> rooms) {
        return rooms.stream().map(room -> room.passwordHash() == null ? room : new Room(room.name(), room.description(),
                room.creator(), hasher.strengthenLegacy(room.passwordHash()), room.createdAt())).toList();
    }
}
