package io.chillin.chat.adapter.javalin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's outbound frames ({@code F}: their encoded form), handed to the socket without waiting: the socket's own queue
 * (Jetty's frame flusher) writes them in order and gathers those waiting into one write. No thread
 * belongs to a connection, so an idle one costs only its memory. A frame counts as waiting until
 * the socket reports it written; a client that lets more than {@code capacity} frames wait is not
 * reading and is dropped, and nobody else waits for it.
 *
 * <p>While a request is being handled the outbox is <em>held</em>: its direct replies are handed
 * on at once, pushed events wait, so a client always sees {@code ack} and history before the live
 * messages that follow them. The release writes the replies and the events together: one write
 * for a join's three replies, or a send's confirmation and its own echo. Frames pushed together
 * ({@link #pushAll}) go out in one write as well.
 */
final class Outbox<F> {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** How the reason given to the overflow handler begins when the client does not read. */
    static final String NOT_READING = "client is not reading";

    /**
     * Hands frames to the socket without blocking. The socket reports each frame once, later or at once: to
     * {@link #written()} when it is on the wire, or to {@link #failed(Throwable)}.
     */
    interface Writer<F> {
        /** {@code more}: more frames follow at once, so the socket may keep this one for the same write. */
        void write(F frame, boolean more);

        /** Writes whatever the socket kept back. */
        void flush();
    }

    private final int capacity;
    private final Writer<F> writer;
    private final Consumer<String> onOverflow;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean reported = new AtomicBoolean();
    private final List<F> heldEvents = new ArrayList<>(0);
    private boolean held;
    /** Frames were handed on with more to follow, and no write has been asked for since. */
    private boolean kept;
    private volatile boolean closed;

    Outbox(int capacity, Writer<F> writer, Consumer<String> onOverflow) {
        this.capacity = capacity;
        this.writer = writer;
        this.onOverflow = onOverflow;
    }

    /** A direct reply to the request being handled: never held back behind events (written at the release). */
    synchronized void reply(F frame) {
        offer(frame, held);
    }

    /** A pushed event: held back while a request is handled. */
    synchronized void push(F frame) {
        if (closed) {
            return;
        }
        if (held) {
            heldEvents.add(frame);
            if (heldEvents.size() > capacity) {
                overflow();
            }
        } else {
            offer(frame, false);
        }
    }

    /** Pushed events that belong together, in order: written at once. */
    synchronized void pushAll(List<F> frames) {
        for (int i = 0; i < frames.size(); i++) {
            if (held) {
                push(frames.get(i));
            } else {
                offer(frames.get(i), i < frames.size() - 1);
            }
        }
        writeKept();
    }

    synchronized void hold() {
        held = true;
    }

    synchronized void release() {
        held = false;
        if (!heldEvents.isEmpty()) {
            List<F> waitingEvents = new ArrayList<>(heldEvents);
            heldEvents.clear();
            for (F frame : waitingEvents) {
                offer(frame, true);
            }
        }
        writeKept();
    }

    private void writeKept() {
        if (kept) {
            kept = false;
            writer.flush();
        }
    }

    /** Frames handed to the socket and not yet written. */
    int waiting() {
        return waiting.get();
    }

    /** Drops what is held and sends nothing more. */
    synchronized void close() {
        closed = true;
        heldEvents.clear();
    }

    // Called with the lock held, so frames reach the writer in the order they were offered.
    private void offer(F frame, boolean more) {
        if (closed) {
            return;
        }
        if (waiting.incrementAndGet() > capacity) {
            overflow();
            return;
        }
        kept = more;
        writer.write(frame, more);
    }

    private void overflow() {
        closed = true;
        heldEvents.clear();
        report(NOT_READING + ": more than " + capacity + " frames waiting");
    }

    /** The socket wrote a frame. Runs on whichever thread the socket reports from: takes no lock. */
    void written() {
        waiting.decrementAndGet();
    }

    /** The socket could not write a frame: nothing more is sent. Takes no lock. */
    void failed(Throwable cause) {
        LOG.debug("writing to a client failed; it will be closed", cause);
        closed = true;
        report("write failed");
    }

    private void report(String reason) {
        if (reported.compareAndSet(false, true)) {
            onOverflow.accept(reason);
        }
    }
}
