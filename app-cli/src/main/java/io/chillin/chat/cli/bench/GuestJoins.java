package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.net.Frames;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The joins of {@code bench connect --join R}: connection {@code i} joins room {@code i mod R} of the run as a guest as
 * soon as it is open, and counts as joined once its {@code ack} arrived. Measures join sent → ack, and counts the
 * refusals by error code.
 */
final class GuestJoins {

    /** The ref of every join: a connection sends one, and its ping carries a number, so neither is taken for the other. */
    static final String REF = "join";

    private final BenchRun run;
    private final int rooms;
    /** When each connection's join went out; 0 once it was answered, so a connection's answer counts once. */
    private final AtomicLongArray sentAt;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder joined = new LongAdder();
    private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
    private final AtomicLong lastAckNanos = new AtomicLong(Long.MIN_VALUE);

    /** {@code rooms} 0: nobody joins. */
    GuestJoins(BenchRun run, int rooms, int connections) {
        this.run = run;
        this.rooms = rooms;
        this.sentAt = new AtomicLongArray(connections);
    }

    /** What to do as each connection opens: join its room, or nothing when there are no rooms. */
    Connector.OnOpen onOpen() {
        return rooms == 0 ? Connector.OnOpen.NOTHING : this::join;
    }

    private void join(int index, BenchSocket connection) {
        sentAt.set(index, System.nanoTime());
        sent.increment();
        connection.send(Frames.of("type", "join", "room", run.room(index % rooms), "name", "c" + run.id() + "-" + index,
                "ref", REF).toString());
    }

    /**
     * Counts the frame if it answers connection {@code index}'s join ({@code ack} or {@code error} with the join's ref);
     * false for every other frame (pongs, the history, member lists and join notices of the room).
     */
    boolean answer(int index, BenchFrame frame, long at) {
        boolean ack = frame.type().equals("ack");
        if (!(ack || frame.type().equals("error")) || !REF.equals(frame.ref())) {
            return false;
        }
        long sentNanos = sentAt.getAndSet(index, 0);
        if (sentNanos == 0) {
            return true; // a second answer to one join
        }
        if (ack) {
            latency.recordNanos(at - sentNanos);
            joined.increment();
            lastAckNanos.accumulateAndGet(at, Math::max);
        } else {
            refused.computeIfAbsent(frame.code(), c -> new LongAdder()).increment();
        }
        answered.increment();
        return true;
    }

    /** Waits until every join sent was answered, or the deadline passed. */
    void awaitAnswers(long deadlineNanos) throws InterruptedException {
        while (answered.sum() < sent.sum() && System.nanoTime() < deadlineNanos) {
            Thread.sleep(20);
        }
    }

    long joined() {
        return joined.sum();
    }

    /** The figures, the rate over the time from {@code startedNanos} (the first connect) to the last ack. */
    ConnectBench.Joins summary(long startedNanos) {
        long n = joined.sum();
        double seconds = n == 0 ? 0 : (lastAckNanos.get() - startedNanos) / 1e9;
        Map<String, Long> refusedByCode = new TreeMap<>();
        refused.forEach((code, count) -> refusedByCode.put(code, count.sum()));
        return new ConnectBench.Joins(rooms, n, refusedByCode, ConnectBench.round(seconds),
                ConnectBench.round(n == 0 ? 0 : n / Math.max(seconds, 1e-9)), latency.summary());
    }
}
