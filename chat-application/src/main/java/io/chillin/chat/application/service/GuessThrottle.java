package io.chillin.chat.application.service;

import io.chillin.chat.application.GuessLimits;
import io.chillin.chat.application.port.out.RateLimiter;
import io.chillin.chat.domain.ChatException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Wrong guesses of a password, counted against two keys: one target (an account, a room) from one address, and a
 * wider scope (that address at any target, or that target from any address), each over a minute and over an hour,
 * so persistent guessing waits longer and longer. A guess takes its permits before the costly check, which bounds
 * concurrent guesses too; one that turns out right, or that could not be checked, gives them back: only wrong
 * guesses count.
 */
public final class GuessThrottle {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private final List<RateLimiter> targetFromAddress;
    private final List<RateLimiter> scope;
    private final boolean scopeIsTarget;
    private final String refusal;
    private final Predicate<String> exempt;

    private GuessThrottle(RateLimiter.Factory limiters, String name, GuessLimits.Limit perTargetFromAddress,
                          String scopeName, GuessLimits.Limit perScope, boolean scopeIsTarget, String refusal,
                          Predicate<String> exempt) {
        this.exempt = exempt;
        this.targetFromAddress = windows(limiters, name, perTargetFromAddress);
        this.scope = windows(limiters, scopeName, perScope);
        this.scopeIsTarget = scopeIsTarget;
        this.refusal = refusal;
    }

    /** Logins: per account from one address, and per address, so guesses elsewhere never lock the owner out. */
    public static GuessThrottle logins(RateLimiter.Factory limiters, GuessLimits limits, Predicate<String> exempt) {
        return new GuessThrottle(limiters, "login-account-address", limits.accountFromAddress(), "login-address",
                limits.address(), false, "too many failed logins; try again later", exempt);
    }

    /** Room passwords: per room from one address, and per room, which also stops guesses spread over addresses. */
    public static GuessThrottle roomPasswords(RateLimiter.Factory limiters, GuessLimits limits,
                                              Predicate<String> exempt) {
        return new GuessThrottle(limiters, "room-password-address", limits.roomFromAddress(), "room-password",
                limits.room(), true, "too many wrong passwords for this room; try again later", exempt);
    }

    private static List<RateLimiter> windows(RateLimiter.Factory limiters, String name, GuessLimits.Limit limit) {
        return List.of(limiters.limiter(name + "-minute", limit.perMinute(), MINUTE),
                limiters.limiter(name + "-hour", limit.perHour(), HOUR));
    }

    /**
     * Starts a guess at {@code target} from {@code address}, taking a permit from each of its counts.
     *
     * @throws ChatException.RateLimited when a count has none left, with the longest wait among them
     */
    Guess guess(String target, String address) {
        // An address holds no '|', so the pair key cannot be forged from another target's.
        String pair = address + "|" + target;
        String wide = scopeIsTarget ? target : address;
        List<Permit> wanted = new ArrayList<>(4);
        // an exempt address (a monitoring host, say) escapes the counts kept per address
        boolean perAddress = !exempt.test(address);
        if (perAddress) {
            targetFromAddress.forEach(limiter -> wanted.add(new Permit(limiter, pair)));
        }
        if (perAddress || scopeIsTarget) {
            scope.forEach(limiter -> wanted.add(new Permit(limiter, wide)));
        }
        List<Permit> taken = new ArrayList<>(wanted.size());
        Duration wait = null;
        // Every count is asked, so the refusal names the longest wait; the permits taken meanwhile go back.
        for (Permit permit : wanted) {
            Optional<Duration> refused = permit.limiter().tryAcquire(permit.key());
            if (refused.isEmpty()) {
                taken.add(permit);
            } else if (wait == null || refused.get().compareTo(wait) > 0) {
                wait = refused.get();
            }
        }
        if (wait != null) {
            taken.forEach(Permit::giveBack);
            throw new ChatException.RateLimited(refusal, wait);
        }
        return new Guess(taken);
    }

    private record Permit(RateLimiter limiter, String key) {
        void giveBack() {
            limiter.release(key);
        }
    }

    /** A guess being checked: closing it gives its permits back unless it was {@linkplain #wrong() wrong}. */
    static final class Guess implements AutoCloseable {

        private final List<Permit> permits;
        private boolean wrong;

        private Guess(List<Permit> permits) {
            this.permits = permits;
        }

        /** The guess was wrong: it keeps its permits, so it counts. */
        void wrong() {
            wrong = true;
        }

        @Override
        public void close() {
            if (!wrong) {
                permits.forEach(Permit::giveBack);
            }
        }
    }
}
