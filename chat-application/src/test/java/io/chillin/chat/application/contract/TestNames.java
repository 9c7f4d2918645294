package io.chillin.chat.application.contract;

import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.util.concurrent.ThreadLocalRandom;

/** Unique names per test, so tests can share a database without seeing each other's data. */
public final class TestNames {

    private TestNames() {
    }

    public static String unique(String prefix) {
        long value = ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36 * 36 * 36);
        return prefix + Long.toString(value, 36);
    }

    /** Unique digits, to make names a test spells itself (look-alikes, say) unique too. */
    public static String digits() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 1_000_000_000L));
    }

    public static Username user() {
        return Username.of(unique("u_"));
    }

    public static RoomName room() {
        return RoomName.of(unique("room "));
    }
}
