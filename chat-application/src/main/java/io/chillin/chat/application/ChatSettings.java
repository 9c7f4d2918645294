package io.chillin.chat.application;

import io.chillin.chat.domain.user.PasswordPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The core's tunable rules. {@link #DEFAULT} is the protocol's: 10 messages per 10 s, 24 h sessions, passwords of 6+,
 * a user's typing relayed at most once per room every 3 s, 20 registrations a minute per address, and
 * {@link GuessLimits#DEFAULT} for wrong passwords. {@code authLimit} per {@code authWindow} counts registrations.
 */
public record ChatSettings(PasswordPolicy passwordPolicy, Duration sessionTtl, int messageLimit, Duration messageWindow,
                           int authLimit, Duration authWindow, Duration typingInterval, GuessLimits guessLimits) {

    /** How often a user's start of typing in a room is relayed at most; the web client shows one for 6 s. */
    public static final Duration DEFAULT_TYPING_INTERVAL = Duration.ofSeconds(3);

    public static final ChatSettings DEFAULT = new ChatSettings(PasswordPolicy.DEFAULT, Duration.ofHours(24),
            10, Duration.ofSeconds(10), 20, Duration.ofMinutes(1));

    /** The settings with the default typing interval and guess limits. */
    public ChatSettings(PasswordPolicy passwordPolicy, Duration sessionTtl, int messageLimit, Duration messageWindow,
                        int authLimit, Duration authWindow) {
        this(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow, DEFAULT_TYPING_INTERVAL,
                GuessLimits.DEFAULT);
    }

    public ChatSettings {
        Objects.requireNonNull(passwordPolicy);
        Objects.requireNonNull(sessionTtl);
        Objects.requireNonNull(messageWindow);
        Objects.requireNonNull(authWindow);
        Objects.requireNonNull(typingInterval);
        Objects.requireNonNull(guessLimits);
        if (typingInterval.isNegative()) {
            throw new IllegalArgumentException("the typing interval must not be negative");
        }
        if (messageLimit < 1 || authLimit < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public ChatSettings withPasswordPolicy(PasswordPolicy policy) {
        return new ChatSettings(policy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow, typingInterval,
                guessLimits);
    }

    public ChatSettings withAuthLimit(int limit) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, limit, authWindow, typingInterval,
                guessLimits);
    }

    /** Zero relays every start of typing (tests that need many typing broadcasts). */
    public ChatSettings withTypingInterval(Duration interval) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow, interval,
                guessLimits);
    }

    public ChatSettings withGuessLimits(GuessLimits limits) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow,
                typingInterval, limits);
    }
}
