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
                           UsageLimits usageLimits, Duration guestLifetime) {

    /** How often a user's start of typing in a room is relayed at most; the web client shows one for 6 s. */
    public static final Duration DEFAULT_TYPING_INTERVAL = Duration.ofSeconds(3);

    /** How long a guest's session lasts at most, used or not. */
    public static final Duration DEFAULT_GUEST_LIFETIME = Duration.ofDays(7);

    public static final ChatSettings DEFAULT = new ChatSettings(PasswordPolicy.DEFAULT, Duration.ofHours(24),
            10, Duration.ofSeconds(10), 20, Duration.ofMinutes(1));

    /** The settings with the default typing interval and guess limits. */
    public ChatSettings(PasswordPolicy passwordPolicy, Duration sessionTtl, int messageLimit, Duration messageWindow,
                        int authLimit, Duration authWindow) {
        this(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow, DEFAULT_TYPING_INTERVAL,
                GuessLimits.DEFAULT, UsageLimits.DEFAULT, DEFAULT_GUEST_LIFETIME);
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
                guessLimits, usageLimits, guestLifetime);
    }

    public ChatSettings withAuthLimit(int limit) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, limit, authWindow, typingInterval,
                guessLimits, usageLimits, guestLifetime);
    }

    /** Zero relays every start of typing (tests that need many typing broadcasts). */
    public ChatSettings withTypingInterval(Duration interval) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow, interval,
                guessLimits, usageLimits, guestLifetime);
    }

    public ChatSettings withGuessLimits(GuessLimits limits) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow,
                typingInterval, limits, usageLimits, guestLifetime);
    }

    public ChatSettings withUsageLimits(UsageLimits limits) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow,
                typingInterval, guessLimits, limits, guestLifetime);
    }

    /** A guest's session ends this long after its token was made, however busy it is: its name is anyone's again. */
    public ChatSettings withGuestLifetime(Duration lifetime) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow,
                typingInterval, guessLimits, usageLimits, lifetime);
    }
}
