package io.chillin.chat.application.service;

import io.chillin.chat.application.port.out.PasswordHasher;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.LookAlikes;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.PasswordPolicy;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;

/** What makes a new room, for a user and an admin alike: the name's rules (look-alikes too), the description, the password. */
final class RoomRules {

    private final RoomStore rooms;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Clock clock;

    RoomRules(RoomStore rooms, PasswordHasher hasher, PasswordPolicy policy, Clock clock) {
        this.rooms = rooms;
        this.hasher = hasher;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The room as it would be created; a null or empty password makes it public.
     *
     * @throws io.chillin.chat.domain.ChatException.Invalid naming {@code nameField} or another field that breaks a rule
     * @throws io.chillin.chat.domain.ChatException.Conflict when the name or a look-alike of it is taken
     */
    Room newRoom(String name, String nameField, String description, String password, Username creator) {
        RoomName roomName = RoomName.of(name, nameField);
        LookAlikes.refuse(roomName.value(), nameField);
        RoomDescription desc = RoomDescription.of(description);
        String hash = password == null || password.isEmpty() ? null : passwordHash(password);
        rooms.findLookAlike(roomName).ifPresent(holder -> {
            throw roomName.takenBy(holder.name());
        });
        return new Room(roomName, desc, creator, hash, clock.instant());
    }

    /** @throws io.chillin.chat.domain.ChatException.Invalid for a password the policy refuses */
    String passwordHash(String password) {
        return hasher.hash(policy.check(password, "password"));
    }
}
