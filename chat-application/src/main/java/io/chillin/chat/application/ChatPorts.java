package io.chillin.chat.application;

import io.chillin.chat.application.local.AnnouncedRoomStore;
import io.chillin.chat.application.local.LocalBlobStore;
import io.chillin.chat.application.local.LocalMessageStore;
import io.chillin.chat.application.local.LocalPresence;
import io.chillin.chat.application.local.LocalRateLimiter;
import io.chillin.chat.application.local.LocalRoomBus;
import io.chillin.chat.application.local.LocalRoomStore;
import io.chillin.chat.application.local.LocalSessionStore;
import io.chillin.chat.application.local.LocalUserStore;
import io.chillin.chat.application.port.out.BlobStore;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.PasswordHasher;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.application.port.out.RateLimiter;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.application.port.out.SessionStore;
import io.chillin.chat.application.port.out.UserStore;
import java.time.Clock;
import java.util.Objects;

/**
 * Every outbound port the core needs, chosen by whoever wires it. {@code limiters} makes the limiters of the core's
 * own throttles (wrong password guesses).
 */
public record ChatPorts(UserStore users, RoomStore rooms, MessageStore messages, SessionStore sessions,
                        Presence presence, RoomBus bus, RateLimiter messageRate, RateLimiter authRate,
                        PasswordHasher hasher, BlobStore blobs, RateLimiter.Factory limiters) {

    public ChatPorts {
        Objects.requireNonNull(users);
        Objects.requireNonNull(rooms);
        Objects.requireNonNull(messages);
        Objects.requireNonNull(sessions);
        Objects.requireNonNull(presence);
        Objects.requireNonNull(bus);
        Objects.requireNonNull(messageRate);
        Objects.requireNonNull(authRate);
        Objects.requireNonNull(hasher);
        Objects.requireNonNull(blobs);
        Objects.requireNonNull(limiters);
    }

    /** What administration needs of these ports. */
    public AdminPorts admin() {
        return new AdminPorts(users, rooms, messages, sessions, hasher, blobs);
    }

    /** Everything in this process's memory: for embedding, tests, and a throwaway chat. */
    public static ChatPorts inMemory(PasswordHasher hasher, ChatSettings settings, Clock clock) {
        LocalRoomStore rooms = new LocalRoomStore();
        LocalRoomBus bus = new LocalRoomBus();
        return new ChatPorts(new LocalUserStore(), new AnnouncedRoomStore(rooms, bus), new LocalMessageStore(rooms),
                new LocalSessionStore(clock), new LocalPresence(), bus,
                new LocalRateLimiter(settings.messageLimit(), settings.messageWindow(), clock),
                new LocalRateLimiter(settings.authLimit(), settings.authWindow(), clock), hasher, new LocalBlobStore(),
                (name, limit, window) -> new LocalRateLimiter(limit, window, clock));
    }

    /** The ports a cluster's instances must share instead of keeping in process. */
    public ChatPorts withShared(RoomBus bus, Presence presence, RateLimiter messageRate, RateLimiter authRate) {
        return new ChatPorts(users, rooms, messages, sessions, presence, bus, messageRate, authRate, hasher, blobs,
                limiters);
    }

    /** Limiters whose counts the instances of a cluster share. */
    public ChatPorts withLimiters(RateLimiter.Factory limiters) {
        return new ChatPorts(users, rooms, messages, sessions, presence, bus, messageRate, authRate, hasher, blobs,
                limiters);
    }

    public ChatPorts withBlobs(BlobStore blobs) {
        return new ChatPorts(users, rooms, messages, sessions, presence, bus, messageRate, authRate, hasher, blobs,
                limiters);
    }

    public ChatPorts withSessions(SessionStore sessions) {
        return new ChatPorts(users, rooms, messages, sessions, presence, bus, messageRate, authRate, hasher, blobs,
                limiters);
    }

    public ChatPorts withStores(UserStore users, RoomStore rooms, MessageStore messages) {
        return new ChatPorts(users, rooms, messages, sessions, presence, bus, messageRate, authRate, hasher, blobs,
                limiters);
    }
}
