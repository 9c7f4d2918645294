package io.chillin.chat.application;

import java.time.Duration;
import java.util.Objects;

/**
 * What one user, connection or address may do, beyond the message rate and the password-guess limits: every
 * command that makes the server work for others (a join or leave tells the whole room, a room creation tells every
 * room-list watcher) has a rate, and what a client may hold at once has a cap. Rates count across instances; caps
 * are per instance. Every refusal is {@code RATE_LIMITED} with a {@code retryAfter}. Addresses in {@code exempt} (a
 * monitoring host, a load-test client) escape every per-address limit; per-user and per-connection ones still
 * apply to them.
 *
 * @param joins               joins and leaves per user (a guest without a token: per connection)
 * @param roomsPerUser        rooms created per user (quick-joins of a new name included)
 * @param roomsPerAddress     rooms created per address
 * @param guestsPerAddress    guest tokens handed out per address
 * @param guestMessagesPerAddress messages sent by all the guests of one address together: each guest has the user
 *                            budget too, but a new guest costs nothing, so they share this one
 * @param watches             {@code watchRooms} / {@code unwatchRooms} per connection
 * @param roomsPerConnection  rooms one connection may be in at once
 * @param connectionsPerUser  open WebSockets per user on one instance
 * @param connectionsPerAddress open WebSockets per address on one instance
 */
public record UsageLimits(Rate joins, Rate roomsPerUser, Rate roomsPerAddress, Rate guestsPerAddress,
                          Rate guestMessagesPerAddress, Rate watches, int roomsPerConnection, int connectionsPerUser,
                          int connectionsPerAddress, AddressRanges exempt) {

    public static final UsageLimits DEFAULT = new UsageLimits(
            new Rate(30, Duration.ofMinutes(1)),
            new Rate(10, Duration.ofHours(1)),
            new Rate(30, Duration.ofHours(1)),
            new Rate(30, Duration.ofHours(1)),
            new Rate(30, Duration.ofSeconds(10)),
            new Rate(20, Duration.ofMinutes(1)),
            50, 20, 200, AddressRanges.none());

    public UsageLimits {
        Objects.requireNonNull(joins);
        Objects.requireNonNull(roomsPerUser);
        Objects.requireNonNull(roomsPerAddress);
        Objects.requireNonNull(guestsPerAddress);
        Objects.requireNonNull(guestMessagesPerAddress);
        Objects.requireNonNull(watches);
        Objects.requireNonNull(exempt);
        if (roomsPerConnection < 1 || connectionsPerUser < 1 || connectionsPerAddress < 1) {
            throw new IllegalArgumentException("caps must be positive");
        }
    }

    /** {@code count} actions per {@code window}. */
    public record Rate(int count, Duration window) {
        public Rate {
            Objects.requireNonNull(window);
            if (count < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a rate needs a positive count and window");
            }
        }
    }

    public UsageLimits withExempt(AddressRanges ranges) {
        return new UsageLimits(joins, roomsPerUser, roomsPerAddress, guestsPerAddress, guestMessagesPerAddress, watches,
                roomsPerConnection, connectionsPerUser, connectionsPerAddress, ranges);
    }

    public UsageLimits withCaps(int rooms, int perUser, int perAddress) {
        return new UsageLimits(joins, roomsPerUser, roomsPerAddress, guestsPerAddress, guestMessagesPerAddress, watches,
                rooms, perUser, perAddress, exempt);
    }
}
