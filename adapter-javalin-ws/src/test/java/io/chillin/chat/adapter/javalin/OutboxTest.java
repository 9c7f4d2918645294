package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One connection's bounded outbound queue, with a fake writer standing for the socket. */
class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void frames_are_written_in_the_order_they_were_queued() {
        Wire wire = new Wire();
        Outbox outbox = wire.outbox(64);
        List<String> sent = IntStream.range(0, 50).mapToObj(i -> "f" + i).toList();
        for (int i = 0; i < sent.size(); i++) {
            if (i % 3 == 0) {
                outbox.reply(sent.get(i));
            } else {
                outbox.push(sent.get(i));
            }
        }

        wire.awaitWritten(sent.size());
        assertThat(wire.written).containsExactlyElementsOf(sent);
        assertThat(wire.overflows).hasValue(0);
        outbox.close();
    }

    @Test
    void while_held_replies_go_out_at_once_and_pushed_events_follow_the_release_in_their_order() {
        Wire wire = new Wire();
        Outbox outbox = wire.outbox(64);
        outbox.hold();
        outbox.push("event-1");
        outbox.reply("ack");
        outbox.push("event-2");
        outbox.reply("history");
        wire.awaitWritten(2);
        assertThat(wire.written).as("events wait while held").containsExactly("ack", "history");

        outbox.push("event-3");
        outbox.release();
        outbox.reply("pong");
        outbox.push("event-4");

        wire.awaitWritten(7);
        assertThat(wire.written).containsExactly("ack", "history", "event-1", "event-2", "event-3", "pong", "event-4");
        outbox.close();
    }

    @Test
    void writer_that_never_returns_makes_the_queue_overflow_after_capacity_frames_and_the_callback_fire_once() {
        int capacity = 16;
        Wire wire = Wire.stuckAfter(0);
        Outbox outbox = wire.outbox(capacity);
        try {
            outbox.push("on-the-wire");
            wire.awaitStuck();
            for (int i = 1; i <= capacity; i++) {
                outbox.push("waiting-" + i);
            }
            assertThat(wire.overflows).as("%d frames waiting is not yet too many", capacity).hasValue(0);

            outbox.push("one-too-many");
            assertThat(EdgeHarness.eventually(() -> wire.overflows.get() == 1, WAIT)).isTrue();

            assertTimeoutPreemptively(WAIT, () -> {
                for (int i = 0; i < 10_000; i++) {
                    outbox.push("dropped-" + i);
                    outbox.reply("dropped-reply-" + i);
                }
            }, "pushing to a connection that never reads must not block the caller");
            assertThat(wire.overflows).as("the overflow is reported once").hasValue(1);
            assertThat(wire.written).containsExactly("on-the-wire");
        } finally {
            wire.unstick();
            outbox.close();
        }
    }

    @Test
    void held_events_beyond_capacity_overflow_once_and_none_is_sent_after() {
        Wire wire = new Wire();
        Outbox outbox = wire.outbox(16);
        outbox.hold();
        for (int i = 0; i < 40; i++) {
            outbox.push("held-" + i);
        }
        outbox.release();
        outbox.push("after");

        assertThat(EdgeHarness.eventually(() -> wire.overflows.get() == 1, WAIT)).isTrue();
        assertThat(wire.overflows).hasValue(1);
        assertThat(wire.written).isEmpty();
        outbox.close();
    }

    @Test
    void overflow_while_releasing_held_events_is_reported_once_and_does_not_throw() {
        int capacity = 16;
        Wire wire = Wire.stuckAfter(0);
        Outbox outbox = wire.outbox(capacity);
        try {
            outbox.reply("on-the-wire");
            wire.awaitStuck();
            outbox.hold();
            for (int i = 1; i <= capacity; i++) {
                outbox.reply("reply-" + i);
            }
            outbox.push("event-1");
            outbox.push("event-2");

            assertThatCode(outbox::release).as("release when the queue is full").doesNotThrowAnyException();
            assertThat(wire.overflows).hasValue(1);
        } finally {
            wire.unstick();
            outbox.close();
        }
    }

    @Test
    void close_stops_the_drainer_and_frames_after_it_are_dropped() throws InterruptedException {
        Wire wire = new Wire();
        Outbox outbox = wire.outbox(16);
        outbox.reply("before");
        wire.awaitWritten(1);
        Thread drainer = wire.drainer.get(0);

        outbox.close();
        drainer.join(WAIT);
        outbox.reply("after-reply");
        outbox.push("after-event");
        outbox.hold();
        outbox.release();

        assertThat(drainer.isAlive()).as("the drainer thread ended").isFalse();
        assertThat(wire.written).containsExactly("before");
        assertThat(wire.overflows).as("closing is not an overflow").hasValue(0);
    }

    @Test
    void failed_write_is_reported_once_and_nothing_is_written_after_it() {
        Wire wire = Wire.failingOn("broken");
        Outbox outbox = wire.outbox(16);
        outbox.reply("fine");
        outbox.reply("broken");
        assertThat(EdgeHarness.eventually(() -> wire.overflows.get() == 1, WAIT)).isTrue();

        outbox.reply("after");
        outbox.push("after-event");

        assertThat(wire.written).containsExactly("fine");
        assertThat(wire.overflows).hasValue(1);
        outbox.close();
    }

    /** A fake socket: records what is written, and can block forever or fail on a given frame. */
    private static final class Wire implements Outbox.Writer {
        final List<String> written = new CopyOnWriteArrayList<>();
        final List<Thread> drainer = new CopyOnWriteArrayList<>();
        final AtomicInteger overflows = new AtomicInteger();
        private final int stuckAt;
        private final String failOn;
        private final CountDownLatch stuck = new CountDownLatch(1);
        private final CountDownLatch unstuck = new CountDownLatch(1);
        private final AtomicInteger attempts = new AtomicInteger();

        private Wire(int stuckAt, String failOn) {
            this.stuckAt = stuckAt;
            this.failOn = failOn;
        }

        Wire() {
            this(-1, null);
        }

        /** A socket whose peer stops reading: the write of frame number {@code n} (from 0) never returns. */
        static Wire stuckAfter(int n) {
            return new Wire(n, null);
        }

        static Wire failingOn(String frame) {
            return new Wire(-1, frame);
        }

        Outbox outbox(int capacity) {
            Outbox outbox = new Outbox(capacity, this, reason -> overflows.incrementAndGet());
            outbox.start("test-outbox-" + capacity);
            return outbox;
        }

        @Override
        public void write(String frame) throws Exception {
            if (drainer.isEmpty()) {
                drainer.add(Thread.currentThread());
            }
            if (frame.equals(failOn)) {
                throw new IOException("connection reset");
            }
            written.add(frame);
            if (attempts.getAndIncrement() == stuckAt) {
                stuck.countDown();
                unstuck.await();
            }
        }

        void awaitStuck() {
            try {
                assertThat(stuck.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).as("the writer got a frame").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        void unstick() {
            unstuck.countDown();
        }

        void awaitWritten(int count) {
            assertThat(EdgeHarness.eventually(() -> written.size() >= count, WAIT))
                    .as("%d frames written, got %s", count, new ArrayList<>(written)).isTrue();
        }
    }
}
