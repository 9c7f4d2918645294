package io.chillin.chat.cli.bench;

import java.security.SecureRandom;

/**
 * The names of one run: a random id that keeps its rooms ({@code bench-<id>-<n>}) and guest names apart from every
 * other run's, since the rooms stay in the database afterwards and a guest name is taken while it is in a room.
 */
record BenchRun(String id) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Four base-36 characters: short enough for guest names (at most 20 characters), enough to not repeat soon. */
    static BenchRun fresh() {
        return new BenchRun(Long.toString(RANDOM.nextLong(36L * 36 * 36, 36L * 36 * 36 * 36), 36));
    }

    String room(int n) {
        return "bench-" + id + "-" + n;
    }
}
