package io.chillin.chat.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.domain.ChatException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** How many Argon2 computations run at once and how many may wait; the rest are refused, never queued without bound. */
class Argon2BudgetTest {

    private static final Argon2PasswordHasher.Cost CHEAP = new Argon2PasswordHasher.Cost(64, 1, 1);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A computation that holds its slots on another thread until {@link #release()}. */
    private static final class Holder implements AutoCloseable {
        private final CountDownLatch holding = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final Thread thread;

        Holder(Argon2Budget budget, int weight) throws InterruptedException {
            thread = Thread.ofVirtual().start(() -> budget.run(weight, () -> {
                holding.countDown();
                awaitQuietly(release);
                return null;
            }));
            assertThat(holding.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the holder got its slots").isTrue();
        }

        void release() throws InterruptedException {
            release.countDown();
            thread.join(PATIENCE);
        }

        @Override
        public void close() throws InterruptedException {
            release();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void with_one_slot_and_no_room_to_wait_a_second_concurrent_hash_is_refused_at_once() throws Exception {
        Argon2Budget budget = new Argon2Budget(1, 0, PATIENCE);
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(CHEAP, budget);
        String hash = hasher.hash("secret1");

        try (Holder first = new Holder(budget, 1)) {
            assertThatThrownBy(() -> hasher.hash("secret1")).isInstanceOfSatisfying(ChatException.RateLimited.class,
                    refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
            assertThatThrownBy(() -> hasher.verify("secret1", hash)).isInstanceOf(ChatException.RateLimited.class);
        }

        assertThat(hasher.verify("secret1", hash)).as("the slot is free again").isTrue();
    }

    @Test
    void a_hash_waits_for_a_slot_while_there_is_room_to_wait_and_one_more_is_refused() throws Exception {
        Argon2Budget budget = new Argon2Budget(1, 1, PATIENCE);
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(CHEAP, budget);
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try (Holder first = new Holder(budget, 1)) {
            CompletableFuture<String> waiter = CompletableFuture.supplyAsync(() -> hasher.hash("secret1"), pool);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (budget.waiting() < 1 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            assertThat(budget.waiting()).as("the second hash waits").isEqualTo(1);

            assertThatThrownBy(() -> hasher.hash("secret2")).isInstanceOf(ChatException.RateLimited.class);

            first.release();
            assertThat(hasher.verify("secret1", waiter.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_stored_hash_that_needs_more_memory_than_the_current_cost_takes_as_many_slots() throws Exception {
        String costly = new Argon2PasswordHasher(new Argon2PasswordHasher.Cost(128, 1, 1)).hash("secret1");
        Argon2Budget budget = new Argon2Budget(2, 0, PATIENCE);
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(CHEAP, budget);
        String cheap = hasher.hash("secret1");

        try (Holder oneSlot = new Holder(budget, 1)) {
            assertThat(hasher.verify("secret1", cheap)).as("one slot is still free").isTrue();
            assertThatThrownBy(() -> hasher.verify("secret1", costly)).isInstanceOf(ChatException.RateLimited.class);
        }

        assertThat(hasher.verify("secret1", costly)).isTrue();
    }

    @Test
    void slots_are_a_quarter_of_the_heap_over_one_hashs_memory_at_least_one_and_at_most_two_per_core() {
        int owasp = Argon2PasswordHasher.OWASP.memoryKib();
        long gib = 1L << 30;

        assertThat(Argon2Budget.slotsFor(gib, owasp, 16)).as("256 MiB holds 13 of 19 MiB").isEqualTo(13);
        assertThat(Argon2Budget.slotsFor(gib, owasp, 4)).as("two per core").isEqualTo(8);
        assertThat(Argon2Budget.slotsFor(64L << 20, owasp, 8)).as("16 MiB holds none: still one").isEqualTo(1);
        assertThat(Argon2Budget.slotsFor(Long.MAX_VALUE, owasp, 2)).as("no heap limit").isEqualTo(4);
    }
}
