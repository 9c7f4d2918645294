package io.chillin.chat.cli.support;

import java.util.concurrent.ThreadLocalRandom;

/** Unique names per test, so tests can share a database without seeing each other's data. */
public final class Names {

    private Names() {
    }

    /** Six lower-case letters and digits. */
    public static String suffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36);
    }

    /** Nine digits, for names a test spells itself (look-alikes, say). */
    public static String digits() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
    }

    public static String unique(String prefix) {
        return prefix + suffix();
    }
}
