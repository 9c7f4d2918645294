package io.chillin.chat.application.port.out;

import java.time.Duration;
import java.util.Optional;

/** A sliding-window limit of actions per key (e.g. 10 messages per 10 seconds per user), atomic per key. */
public interface RateLimiter {

    /** Takes one permit for the key; empty when allowed, else how long until the next permit frees up. */
    Optional<Duration> tryAcquire(String key);

    /**
     * Gives back the key's newest permit, taken for an action that turned out not to count (a repeat of a stored
     * message, or one the store refused); does nothing when the key holds none.
     */
    void release(String key);

    /** Makes a deployment's limiters; in a cluster, limiters made under one name count together on every instance. */
    @FunctionalInterface
    interface Factory {

        /** A limiter of {@code limit} actions per {@code window} per key, whose keys are apart from other names'. */
        RateLimiter limiter(String name, int limit, Duration window);
    }
}
