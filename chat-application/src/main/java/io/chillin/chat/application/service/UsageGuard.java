package io.chillin.chat.application.service;

import io.chillin.chat.application.UsageLimits;
import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.out.RateLimiter;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.Identity;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies {@link UsageLimits}: the rates of the commands that make the server work for others, and the caps on what
 * one client holds. Each check refuses with {@code RATE_LIMITED} and the wait, or takes a permit.
 */
public final class UsageGuard {

    /** What a client told of a cap is asked to wait before trying again: caps free up as things are left. */
    private static final Duration CAP_RETRY = Duration.ofSeconds(5);
    private static final int EXEMPTIONS_REMEMBERED = 10_000;

    private final UsageLimits limits;
    private final RateLimiter joins;
    private final RateLimiter roomsPerUser;
    private final RateLimiter roomsPerAddress;
    private final RateLimiter guests;
    private final RateLimiter guestMessages;
    private final RateLimiter watches;
    private final Map<String, Boolean> exemptions = new ConcurrentHashMap<>();

    public UsageGuard(UsageLimits limits, RateLimiter.Factory limiters) {
        this.limits = limits;
        this.joins = limiter(limiters, "joins", limits.joins());
        this.roomsPerUser = limiter(limiters, "rooms-user", limits.roomsPerUser());
        this.roomsPerAddress = limiter(limiters, "rooms-address", limits.roomsPerAddress());
        this.guests = limiter(limiters, "guests-address", limits.guestsPerAddress());
        this.guestMessages = limiter(limiters, "guest-messages-address", limits.guestMessagesPerAddress());
        this.watches = limiter(limiters, "watches", limits.watches());
    }

    private static RateLimiter limiter(RateLimiter.Factory limiters, String name, UsageLimits.Rate rate) {
        return limiters.limiter(name, rate.count(), rate.window());
    }

    public UsageLimits limits() {
        return limits;
    }

    /** Whether per-address limits spare this address: a configured exemption, or a connection of this process. */
    public boolean exempt(String address) {
        if (Connection.LOCAL.equals(address) || limits.exempt().isEmpty()) {
            return Connection.LOCAL.equals(address);
        }
        // asked on every guest's send: parse each address once (the map is dropped when it grows large)
        if (exemptions.size() > EXEMPTIONS_REMEMBERED) {
            exemptions.clear();
        }
        return exemptions.computeIfAbsent(address, limits.exempt()::contains);
    }

    /** A join or a leave: each tells the whole room. */
    void joinOrLeave(Connection connection) {
        String key = connection.identity().map(Identity::key).orElse("connection:" + connection.id());
        take(joins, key, "too many joins and leaves; slow down");
    }

    /** A connection about to enter one more room while in {@code held} already. */
    void roomsHeld(int held) {
        if (held >= limits.roomsPerConnection()) {
            throw new ChatException.RateLimited("a connection may be in at most " + limits.roomsPerConnection()
                    + " rooms at once: leave one first", CAP_RETRY);
        }
    }

    /**
     * A room about to be created by {@code creator} from {@code address}; the returned permit is given back if the
     * room is not created after all.
     */
    RoomPermit roomCreation(Identity creator, String address) {
        take(roomsPerUser, creator.key(), "too many new rooms; try again later");
        boolean perAddress = !exempt(address);
        if (perAddress) {
            try {
                take(roomsPerAddress, address, "too many new rooms from this address; try again later");
            } catch (ChatException.RateLimited refused) {
                roomsPerUser.release(creator.key());
                throw refused;
            }
        }
        return () -> {
            roomsPerUser.release(creator.key());
            if (perAddress) {
                roomsPerAddress.release(address);
            }
        };
    }

    /** Gives back the permits of a room creation that did not happen (the name was taken meanwhile). */
    @FunctionalInterface
    interface RoomPermit {
        void giveBack();
    }

    /** A guest token about to be handed out to {@code address}. */
    void guestToken(String address) {
        if (!exempt(address)) {
            take(guests, address, "too many guest names from this address; try again later");
        }
    }

    /** A watch or unwatch of the room list. */
    void watch(Connection connection) {
        take(watches, connection.id(), "too many room-list watch requests; slow down");
    }

    /** The key under which the guests of this connection's address share a message budget; empty if none applies. */
    Optional<String> guestMessageKey(Connection connection, Identity author) {
        return author.guest() && !exempt(connection.address()) ? Optional.of(connection.address()) : Optional.empty();
    }

    RateLimiter guestMessages() {
        return guestMessages;
    }

    private static void take(RateLimiter limiter, String key, String refusal) {
        limiter.tryAcquire(key).ifPresent(wait -> {
            throw new ChatException.RateLimited(refusal, wait);
        });
    }
}
