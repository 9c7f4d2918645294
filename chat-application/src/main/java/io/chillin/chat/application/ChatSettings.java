package io.chillin.chat.application;

import io.chillin.chat.domain.user.PasswordPolicy;
import java.time.Duration;
import java.util.Objects;

/** The core's tunable rules. {@link #DEFAULT} is the protocol's: 10 messages per 10 s, 24 h sessions, passwords of 6+. */
public record ChatSettings(PasswordPolicy passwordPolicy, Duration sessionTtl, int messageLimit, Duration messageWindow,
                           int authLimit, Duration authWindow) {

    public static final ChatSettings DEFAULT = new ChatSettings(PasswordPolicy.DEFAULT, Duration.ofHours(24),
            10, Duration.ofSeconds(10), 20, Duration.ofMinutes(1));

    public ChatSettings {
        Objects.requireNonNull(passwordPolicy);
        Objects.requireNonNull(sessionTtl);
        Objects.requireNonNull(messageWindow);
        Objects.requireNonNull(authWindow);
        if (messageLimit < 1 || authLimit < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public ChatSettings withPasswordPolicy(PasswordPolicy policy) {
        return new ChatSettings(policy, sessionTtl, messageLimit, messageWindow, authLimit, authWindow);
    }

    public ChatSettings withAuthLimit(int limit) {
        return new ChatSettings(passwordPolicy, sessionTtl, messageLimit, messageWindow, limit, authWindow);
    }
}
