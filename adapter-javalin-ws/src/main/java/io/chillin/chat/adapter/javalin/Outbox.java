package io.chillin.chat.adapter.javalin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's bounded queue of outbound frames, drained by its own virtual thread. A client
 * that stops reading fills its queue and is dropped; nobody else waits for it.
 *
 * <p>While a request is being handled the outbox is <em>held</em>: its direct replies go out at
 * once, pushed events wait, so a client always sees {@code ack} and history before the live
 * messages that follow them.
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    /** Compared by identity: a distinct instance no real frame can be. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String SHUTDOWN = new String("shutdown");

    /** Writes one frame and blocks until it is on the wire; throws if it cannot be. */
    interface Writer {
        void write(String frame) throws Exception;
    }

    private final BlockingQueue<String> queue;
    private final int capacity;
    private final Writer writer;
    private final Consumer<String> onOverflow;
    private final List<String> heldEvents = new ArrayList<>();
    private boolean held;
    private boolean closed;

    Outbox(int capacity, Writer writer, Consumer<String> onOverflow) {
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.writer = writer;
        this.onOverflow = onOverflow;
    }

    void start(String name) {
        Thread.ofVirtual().name(name).start(this::drain);
    }

    /** A direct reply to the request being handled: never held back. */
    synchronized void reply(String frame) {
        offer(frame);
    }

    /** A pushed event: held back while a request is handled. */
    synchronized void push(String frame) {
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
        List<String> waiting = new ArrayList<>(heldEvents);
        heldEvents.clear();
        for (String frame : waiting) {
            if (closed) {
                return;
            }
            offer(frame);
        }
    }

    /** Stops the drainer; frames still queued and later ones are dropped. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            heldEvents.clear();
            queue.clear();
            queue.offer(SHUTDOWN);
        }
    }

    private void offer(String frame) {
        if (closed) {
            return;
        }
        if (queue.size() >= capacity || !queue.offer(frame)) {
            overflow();
        }
    }

    private void overflow() {
        closed = true;
        heldEvents.clear();
        queue.clear();
        queue.offer(SHUTDOWN);
        onOverflow.accept("client is not reading: more than " + capacity + " frames waiting");
    }

    private void drain() {
        try {
            while (true) {
                String frame = queue.poll(1, TimeUnit.HOURS);
                if (frame == null) {
                    continue;
                }
                if (frame == SHUTDOWN) {
                    return;
                }
                writer.write(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("writing to a client failed; it will be closed", e);
            synchronized (this) {
                closed = true;
            }
            onOverflow.accept("write failed");
        }
    }
}
