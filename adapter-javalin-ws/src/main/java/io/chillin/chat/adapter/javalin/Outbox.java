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
 * <p>While a request is being handled the outbox is <em>held</em>: its direct replies go out at
 * once, pushed events wait, so a client always sees {@code ack} and history before the live
 * messages that follow them.
 */
final class Outbox<F> {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** How the reason given to the overflow handler begins when the client does not read. */
    static final String NOT_READING = "client is not reading";

    /**
     * Hands one frame to the socket without blocking. The socket reports each frame once, later or at once: to
     * {@link #written()} when it is on the wire, or to {@link #failed(Throwable)}.
     */
    interface Writer<F> {
        void write(F frame);
    }

    private final int capacity;
    private final Writer<F> writer;
    private final Consumer<String> onOverflow;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean reported = new AtomicBoolean();
    private final List<F> heldEvents = new ArrayList<>(0);
    private boolean held;
    private volatile boolean closed;

    Outbox(int capacity, Writer<F> writer, Consumer<String> onOverflow) {
        this.capacity = capacity;
        this.writer = writer;
        this.onOverflow = onOverflow;
    }

    /** A direct reply to the request being handled: never held back. */
    synchronized void reply(F frame) {
        offer(frame);
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
            offer(frame);
        }
    }

    synchronized void hold() {
        held = true;
    }

    synchronized void release() {
        held = false;
        if (heldEvents.isEmpty()) {
            return;
        }
        List<F> waitingEvents = new ArrayList<>(heldEvents);
        heldEvents.clear();
        for (F frame : waitingEvents) {
            if (closed) {
                return;
            }
            offer(frame);
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
    private void offer(F frame) {
        if (closed) {
            return;
        }
        if (waiting.incrementAndGet() > capacity) {
            overflow();
            return;
        }
        writer.write(frame);
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
