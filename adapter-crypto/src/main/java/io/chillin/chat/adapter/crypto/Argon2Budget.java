package io.chillin.chat.adapter.crypto;

import io.chillin.chat.domain.ChatException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * How many Argon2 computations may run at once, so that however many requests arrive their memory stays bounded: a
 * computation waits briefly for a slot, and when too many wait already, or the wait runs out, it is refused with
 * {@code RATE_LIMITED} rather than queued without bound. One slot is one hash at the hasher's own cost.
 */
public final class Argon2Budget {

    /** What the caller of a refused computation is told to wait before trying again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration DEFAULT_WAIT = Duration.ofMillis(500);
    private static final int WAITERS_PER_SLOT = 4;

    private final int slots;
    private final int maxWaiters;
    private final long maxWaitNanos;
    // Fair, so a costly hash waiting for several slots is not overtaken forever by cheap ones.
    private final Semaphore free;
    private final AtomicInteger waiting = new AtomicInteger();

    /** {@code slots} computations at once, {@code maxWaiters} more waiting at most {@code maxWait} each. */
    public Argon2Budget(int slots, int maxWaiters, Duration maxWait) {
        if (slots < 1 || maxWaiters < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("need a slot or more, and no negative waits");
        }
        this.slots = slots;
        this.maxWaiters = maxWaiters;
        this.maxWaitNanos = maxWait.toNanos();
        this.free = new Semaphore(slots, true);
    }

    /** Slots for hashes at this cost in this JVM's heap (see {@link #slotsFor}), four waiters per slot, 500 ms waits. */
    public static Argon2Budget forHeap(Argon2PasswordHasher.Cost cost) {
        Runtime runtime = Runtime.getRuntime();
        int slots = slotsFor(runtime.maxMemory(), cost.memoryKib(), runtime.availableProcessors());
        return new Argon2Budget(slots, WAITERS_PER_SLOT * slots, DEFAULT_WAIT);
    }

    /**
     * A quarter of the heap divided by one hash's memory: the rest of the server needs the other three quarters. At
     * least one, or nothing could log in; at most two per core, since more would only wait for the CPU.
     */
    static int slotsFor(long maxHeapBytes, int memoryKib, int cores) {
        long fit = maxHeapBytes / 4 / (memoryKib * 1024L);
        return (int) Math.max(1, Math.min(fit, 2L * cores));
    }

    /** Computations waiting for slots now. */
    int waiting() {
        return waiting.get();
    }

    /**
     * Runs the computation holding {@code weight} slots (at least one, at most all of them).
     *
     * @throws ChatException.RateLimited when no slot freed up in time or too many computations wait already
     */
    <T> T run(int weight, Supplier<T> computation) {
        int need = Math.clamp(weight, 1, slots);
        acquire(need);
        try {
            return computation.get();
        } finally {
            free.release(need);
        }
    }

    private void acquire(int need) {
        if (free.tryAcquire(need)) {
            return;
        }
        if (waiting.incrementAndGet() > maxWaiters) {
            waiting.decrementAndGet();
            throw busy();
        }
        try {
            if (!free.tryAcquire(need, maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private static ChatException.RateLimited busy() {
        return new ChatException.RateLimited("the server is busy checking passwords; try again in a moment", RETRY_AFTER);
    }
}
