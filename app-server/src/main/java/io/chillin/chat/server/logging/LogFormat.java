package io.chillin.chat.server.logging;

import java.util.Locale;

/** How log lines are written: {@code CHAT_LOG_FORMAT}. */
public enum LogFormat {
    /** One readable line per event (the default). */
    TEXT,
    /** One JSON object per line, for log collectors. */
    JSON;

    /** @throws IllegalArgumentException unless the value is {@code text} or {@code json} (any case) */
    public static LogFormat parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("'" + value + "' is neither text nor json");
        };
    }
}
