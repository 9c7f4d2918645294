package io.chillin.chat.application;

import io.chillin.chat.domain.user.PasswordPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The core's tunable rules. {@link #DEFAULT} is the protocol's: 10 messages per 10 s, 24 h sessions, passwords of 6+,
 * a user's typing relayed at most once per room every 3 s, 20 registrations a minute per address, and
 * {@link GuessLimits#DEFAULT} for wrong passwords, {@link UsageLimits#DEFAULT} for every other command. {@code authLimit} per {@code authWindow} counts registrations.
 */
public record ChatSettings(PasswordPolicy passwordPolicy, Duration sessionTtl, int messageLimit, Duration messageWindow,
                           int authLimit, Duration authWindow, Duration typingInterval, GuessLimits guessLimits,
                           UsageLimits usageLimits, Duration guestLifetime, Duration reorderWindow) {

    /** How often a user's start of typing in a room is relayed at most; the web client shows one for 6 s. */
    public static final Duration DEFAULT_TYPING_INTERVAL = Duration.ofSeconds(3);

    /** How long a guest's session lasts at most, used or not. */
    public static final Duration DEFAULT_GUEST_LIFETIME = Duration.ofDays(7);

    /**
     * How long a room's stream waits for a change that came out of rev order to be preceded by the ones it skipped
     * before it fills the gap from the store. Sends finished on different threads publish a moment out of order
     * all the time; a change the bus lost is rare.
     */
    public static final Duration DEFAULT_REORDER_WINDOW = Duration.ofMillis(20);

    public static final ChatSettings DEFAULT = new ChatSettings(PasswordPolicy.DEFAULT, Duration.ofHours(24),
            10, Duration.ofSeconds(10), 20, Duration.ofMinutes(1));

    /** The settings with the default typing interval and guess limits. */
    public ChatSettings(PasswordPolicy passwordPolicy, Duration sessionTtl, int messageLimit, Duration messageWindow,
                        int authLimit, Duration authWindow) {
        this(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow, DEFAULT_TYPING_INTERVAL,
                GuessLimits.DEFAULT, UsageLimits.DEFAULT, DEFAULT_GUEST_LIFETIME, DEFAULT_REORDER_WINDOW);
    }

    public ChatSettings {
        Objects.requireNonNull(passwordPolicy);
        Objects.requireNonNull(sessionTtl);
        Objects.requireNonNull(messageWindow);
        Objects.requireNonNull(authWindow);
        Objects.requireNonNull(typingInterval);
        Objects.requireNonNull(guessLimits);
        Objects.requireNonNull(usageLimits);
        Objects.requireNonNull(guestLifetime);
        Objects.requireNonNull(reorderWindow);
        if (reorderWindow.isNegative() || reorderWindow.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("the reorder window must be 0..1 s");
        }
        if (guestLifetime.isNegative() || guestLifetime.isZero()) {
            throw new IllegalArgumentException("a guest's lifetime must be positive");
        }
        if (typingInterval.isNegative()) {
            throw new IllegalArgumentException("the typing interval must not be negative");
        }
        if (messageLimit < 1 || authLimit < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public ChatSettings withPasswordPolicy(PasswordPolicy policy) {
        return new ChatSettings(policy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow, typingInterval,
                guessLimits, usageLimits, guestLifetime, reorderWindow);
    }

    public ChatSettings withAuthLimit(int limit) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, limit, authWindow, typingInterval,
                guessLimits, usageLimits, guestLifetime, reorderWindow);
    }

    /** Zero relays every start of typing (tests that need many typing broadcasts). */
    public ChatSettings withTypingInterval(Duration interval) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow, interval,
                guessLimits, usageLimits, guestLifetime, reorderWindow);
    }

    public ChatSettings withGuessLimits(GuessLimits limits) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow,
                typingInterval, limits, usageLimits, guestLifetime, reorderWindow);
    }

    public ChatSettings withUsageLimits(UsageLimits limits) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow,
                typingInterval, guessLimits, limits, guestLifetime, reorderWindow);
    }

    /** A guest's session ends this long after its token was made, however busy it is: its name is anyone's again. */
    public ChatSettings withGuestLifetime(Duration lifetime) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow,
                typingInterval, guessLimits, usageLimits, lifetime, reorderWindow);
    }

    /** Zero fills every gap from the store at once (tests of gap filling that look right after each event). */
    public ChatSettings withReorderWindow(Duration window) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow,
                typingInterval, guessLimits, usageLimits, guestLifetime, window);
    }
}
