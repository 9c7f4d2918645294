package io.chillin.chat.application;

import java.util.Objects;

/**
 * How many wrong password guesses may be made before the guesser must wait, each counted over a minute and over an
 * hour: a login's against the account from that address and against the address; a room password's against the room
 * from that address and against the room (higher: it stops guessing spread over many addresses). Right guesses never
 * count, and no login count takes in other addresses' guesses at an account, so nobody can lock its owner out.
 */
public record GuessLimits(Limit accountFromAddress, Limit address, Limit roomFromAddress, Limit room) {

    /** Logins: 5 a minute per account and address, 20 per address; room passwords: 5 per room and address, 30 per room. */
    public static final GuessLimits DEFAULT = new GuessLimits(Limit.perMinute(5), Limit.perMinute(20),
            Limit.perMinute(5), Limit.perMinute(30));

    public GuessLimits {
        Objects.requireNonNull(accountFromAddress);
        Objects.requireNonNull(address);
        Objects.requireNonNull(roomFromAddress);
        Objects.requireNonNull(room);
    }

    /** At most {@code perMinute} wrong guesses in any minute and {@code perHour} in any hour. */
    public record Limit(int perMinute, int perHour) {

        /** An hour allows this many minutes' worth unless told otherwise: a few bursts, then a long wait. */
        public static final int HOURLY_FACTOR = 5;

        public Limit {
            if (perMinute < 1 || perHour < perMinute) {
                throw new IllegalArgumentException("need 1 or more guesses a minute and at least as many an hour");
            }
        }

        /** {@code perMinute} a minute and {@value #HOURLY_FACTOR} times as many an hour. */
        public static Limit perMinute(int perMinute) {
            return new Limit(perMinute, Math.multiplyExact(perMinute, HOURLY_FACTOR));
        }
    }
}
