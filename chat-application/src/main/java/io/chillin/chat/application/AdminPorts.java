package io.chillin.chat.application;

import io.chillin.chat.application.port.out.BlobStore;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.PasswordHasher;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.application.port.out.SessionStore;
import io.chillin.chat.application.port.out.UserStore;
import java.util.Objects;

/**
 * The ports administration needs: the stores, the hasher and the avatars' blobs. No presence, no bus subscription,
 * no rate limiter: a tool that administers a running deployment joins none of it.
 */
public record AdminPorts(UserStore users, RoomStore rooms, MessageStore messages, SessionStore sessions,
                         PasswordHasher hasher, BlobStore blobs) {

    public AdminPorts {
        Objects.requireNonNull(users);
        Objects.requireNonNull(rooms);
        Objects.requireNonNull(messages);
        Objects.requireNonNull(sessions);
        Objects.requireNonNull(hasher);
        Objects.requireNonNull(blobs);
    }
}
