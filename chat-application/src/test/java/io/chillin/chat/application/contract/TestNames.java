package io.chillin.chat.application.contract;

import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.util.concurrent.ThreadLocalRandom;

/** Unique names per test, so tests can share a database without seeing each other's data. */
public final class TestNames {

    private TestNames() {
    }

    public static String unique(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36).substring(0, 8);
    }

    public static Username user() {
        return Username.of(unique("u_"));
    }

    public static RoomName room() {
        return RoomName.of(unique("room "));
    }
}
