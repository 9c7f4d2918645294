package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One connection's bounded outbound frames, with a fake socket that can stop reporting writes or fail. */
class OutboxTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void frames_reach_the_socket_in_the_order_they_were_offered() {
        Wire wire = new Wire();
        Outbox<String> outbox = wire.outbox(64);
        List<String> sent = IntStream.range(0, 50).mapToObj(i -> "f" + i).toList();
        for (int i = 0; i < sent.size(); i++) {
            if (i % 3 == 0) {
                outbox.reply(sent.get(i));
            } else {
                outbox.push(sent.get(i));
            }
        }

        assertThat(wire.handed).containsExactlyElementsOf(sent);
        assertThat(outbox.waiting()).as("every frame reported written").isZero();
        assertThat(wire.overflows).hasValue(0);
    }

    @Test
    void while_held_replies_go_out_at_once_and_pushed_events_follow_the_release_in_their_order() {
        Wire wire = new Wire();
        Outbox<String> outbox = wire.outbox(64);
        outbox.hold();
        outbox.push("event-1");
        outbox.reply("ack");
        outbox.push("event-2");
        outbox.reply("history");
        assertThat(wire.handed).as("events wait while held").containsExactly("ack", "history");

        outbox.push("event-3");
        outbox.release();
        outbox.reply("pong");
        outbox.push("event-4");

        assertThat(wire.handed).containsExactly("ack", "history", "event-1", "event-2", "event-3", "pong", "event-4");
    }

    @Test
    void a_requests_replies_and_the_events_held_meanwhile_go_out_in_one_write_as_do_events_pushed_together() {
        Wire wire = new Wire();
        Outbox<String> outbox = wire.outbox(64);
        outbox.hold();
        outbox.reply("ack");
        outbox.push("event-1");
        outbox.reply("history");
        outbox.reply("members");
        assertThat(wire.writes).as("nothing written before the release").isEmpty();

        outbox.release();
        outbox.pushAll(List.of("notice", "members-2"));
        outbox.push("event-2");
        outbox.reply("pong");

        assertThat(wire.writes).containsExactly(List.of("ack", "history", "members", "event-1"),
                List.of("notice", "members-2"), List.of("event-2"), List.of("pong"));
        assertThat(outbox.waiting()).isZero();
    }

    @Test
    void events_pushed_together_while_held_wait_for_the_release_like_any_other() {
        Wire wire = new Wire();
        Outbox<String> outbox = wire.outbox(64);
        outbox.hold();
        outbox.pushAll(List.of("notice", "members"));
        outbox.reply("ack");
        outbox.release();

        assertThat(wire.writes).containsExactly(List.of("ack", "notice", "members"));
    }

    @Test
    void a_socket_that_stops_writing_overflows_after_capacity_frames_waiting_and_the_callback_fires_once() {
        int capacity = 16;
        Wire wire = Wire.stalled();
        Outbox<String> outbox = wire.outbox(capacity);
        for (int i = 1; i <= capacity; i++) {
            outbox.push("waiting-" + i);
        }
        assertThat(wire.overflows).as("%d frames waiting is not yet too many", capacity).hasValue(0);

        outbox.push("one-too-many");
        assertThat(wire.overflows).hasValue(1);

        assertTimeoutPreemptively(WAIT, () -> {
            for (int i = 0; i < 10_000; i++) {
                outbox.push("dropped-" + i);
                outbox.reply("dropped-reply-" + i);
            }
        }, "pushing to a connection that never reads must not block the caller");
        assertThat(wire.overflows).as("the overflow is reported once").hasValue(1);
        assertThat(wire.handed).hasSize(capacity).doesNotContain("one-too-many");
    }

    @Test
    void frames_reported_written_free_their_place() {
        int capacity = 4;
        Wire wire = Wire.stalled();
        Outbox<String> outbox = wire.outbox(capacity);
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < capacity; i++) {
                outbox.push("r" + round + "-" + i);
            }
            assertThat(outbox.waiting()).isEqualTo(capacity);
            wire.completeAll();
            assertThat(outbox.waiting()).isZero();
        }
        assertThat(wire.overflows).hasValue(0);
        assertThat(wire.handed).hasSize(40);
    }

    @Test
    void held_events_beyond_capacity_overflow_once_and_none_is_sent_after() {
        Wire wire = new Wire();
        Outbox<String> outbox = wire.outbox(16);
        outbox.hold();
        for (int i = 0; i < 40; i++) {
            outbox.push("held-" + i);
        }
        outbox.release();
        outbox.push("after");

        assertThat(wire.overflows).hasValue(1);
        assertThat(wire.handed).isEmpty();
    }

    @Test
    void overflow_while_releasing_held_events_is_reported_once_and_does_not_throw() {
        int capacity = 16;
        Wire wire = Wire.stalled();
        Outbox<String> outbox = wire.outbox(capacity);
        outbox.hold();
        for (int i = 1; i <= capacity; i++) {
            outbox.reply("reply-" + i);
        }
        outbox.push("event-1");
        outbox.push("event-2");

        assertThatCode(outbox::release).as("release when the socket is full").doesNotThrowAnyException();
        assertThat(wire.overflows).hasValue(1);
    }

    @Test
    void after_close_nothing_is_sent_and_closing_is_not_an_overflow() {
        Wire wire = new Wire();
        Outbox<String> outbox = wire.outbox(16);
        outbox.reply("before");
        outbox.hold();
        outbox.push("held");

        outbox.close();
        outbox.reply("after-reply");
        outbox.push("after-event");
        outbox.release();

        assertThat(wire.handed).containsExactly("before");
        assertThat(wire.overflows).hasValue(0);
    }

    @Test
    void failed_write_is_reported_once_and_nothing_is_written_after_it() {
        Wire wire = Wire.failingOn("broken");
        Outbox<String> outbox = wire.outbox(16);
        outbox.reply("fine");
        outbox.reply("broken");
        assertThat(wire.overflows).hasValue(1);

        outbox.reply("after");
        outbox.push("after-event");

        assertThat(wire.handed).containsExactly("fine", "broken");
        assertThat(wire.overflows).hasValue(1);
    }

    /** A fake socket: records the frames handed to it; reports them written at once, never (stalled), or fails one. */
    private static final class Wire implements Outbox.Writer<String> {
        final List<String> handed = new CopyOnWriteArrayList<>();
        /** The socket's writes: the frames each one carried. */
        final List<List<String>> writes = new CopyOnWriteArrayList<>();
        private final List<String> kept = new ArrayList<>();
        final AtomicInteger overflows = new AtomicInteger();
        private final boolean stalled;
        private final String failOn;
        private int unreported;
        private Outbox<String> outbox;

        private Wire(boolean stalled, String failOn) {
            this.stalled = stalled;
            this.failOn = failOn;
        }

        Wire() {
            this(false, null);
        }

        /** A socket whose peer stopped reading: frames are taken but never reported written. */
        static Wire stalled() {
            return new Wire(true, null);
        }

        static Wire failingOn(String frame) {
            return new Wire(false, frame);
        }

        Outbox<String> outbox(int capacity) {
            outbox = new Outbox<>(capacity, this, reason -> overflows.incrementAndGet());
            return outbox;
        }

        @Override
        public void write(String frame, boolean more) {
            kept.add(frame);
            if (!more) {
                flush();
            }
            handed.add(frame);
            if (frame.equals(failOn)) {
                outbox.failed(new IOException("connection reset"));
            } else if (stalled) {
                unreported++;
            } else {
                outbox.written();
            }
        }

        @Override
        public void flush() {
            if (!kept.isEmpty()) {
                writes.add(List.copyOf(kept));
                kept.clear();
            }
        }

        void completeAll() {
            for (; unreported > 0; unreported--) {
                outbox.written();
            }
        }
    }
}
