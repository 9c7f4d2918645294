package io.chillin.chat.server.fuzz;

import java.util.SplittableRandom;

/**
 * One random source per generated input, derived from the run's seed, the stream (frames or requests) and the
 * input's number: any single input can be made again from those three, whatever ran before it.
 */
final class Seeds {

    static final long FRAMES = 1;
    static final long REQUESTS = 2;
    static final long UPGRADES = 3;

    private Seeds() {
    }

    static SplittableRandom random(long seed, long stream, long index) {
        return new SplittableRandom(mix(mix(seed ^ stream * 0x9E3779B97F4A7C15L) + index));
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated outputs. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
