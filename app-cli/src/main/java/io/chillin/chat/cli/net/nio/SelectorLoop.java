package io.chillin.chat.cli.net.nio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One selector thread and the connections it owns: it connects them, reads them (into one read buffer it shares
 * between them), flushes what their sockets did not take at once, and ends those whose deadline passed. Other threads
 * hand it work with {@link #execute}.
 */
final class SelectorLoop implements AutoCloseable {

    /** A read buffer this size takes a burst of a few hundred frames in one read. */
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    private record Deadline(long atNanos, NioWebSocket socket) {
    }

    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final PriorityQueue<Deadline> deadlines = new PriorityQueue<>(Comparator.comparingLong(Deadline::atNanos));
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES);
    private volatile boolean running = true;

    SelectorLoop(String name) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
        thread.start();
    }

    Selector selector() {
        return selector;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs the task on this loop's thread, soon; from the loop's own thread, after the keys at hand. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /** From the loop's thread: the socket's {@link NioWebSocket#onDeadline} is called at {@code atNanos} or soon after. */
    void schedule(NioWebSocket socket, long atNanos) {
        deadlines.add(new Deadline(atNanos, socket));
    }

    ByteBuffer readBuffer() {
        return readBuffer;
    }

    private void run() {
        try {
            while (running) {
                runTasks();
                long timeout = tasks.isEmpty() ? millisToNextDeadline() : -1;
                if (timeout < 0) {
                    selector.selectNow(this::ready);
                } else {
                    selector.select(this::ready, timeout);
                }
                wakeupPending.set(false);
                expire(System.nanoTime());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the selector failed", e);
        } finally {
            endAll();
        }
    }

    private void runTasks() {
        for (Runnable task; (task = tasks.poll()) != null; ) {
            try {
                task.run();
            } catch (RuntimeException bug) {
                thread.getUncaughtExceptionHandler().uncaughtException(thread, bug);
            }
        }
    }

    /** 0 (wait for a key or a wake-up) when no deadline is pending, else the milliseconds to the first one, at least 1. */
    private long millisToNextDeadline() {
        Deadline first = deadlines.peek();
        if (first == null) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(first.atNanos() - System.nanoTime() + 999_999));
    }

    private void ready(SelectionKey key) {
        NioWebSocket socket = (NioWebSocket) key.attachment();
        try {
            int ops = key.readyOps();
            if ((ops & SelectionKey.OP_CONNECT) != 0) {
                socket.onConnectable();
            }
            if (key.isValid() && (ops & SelectionKey.OP_WRITE) != 0) {
                socket.onWritable();
            }
            if (key.isValid() && (ops & SelectionKey.OP_READ) != 0) {
                socket.onReadable(readBuffer);
            }
        } catch (RuntimeException e) {
            // a listener's fault (or a key cancelled under us) ends that connection, not the others of this thread
            socket.fail(e);
        }
    }

    private void expire(long now) {
        while (!deadlines.isEmpty() && deadlines.peek().atNanos() - now <= 0) {
            Deadline due = deadlines.poll();
            due.socket().onDeadline(due.atNanos());
        }
    }

    private void endAll() {
        runTasks();
        for (SelectionKey key : new ArrayList<>(selector.keys())) {
            ((NioWebSocket) key.attachment()).fail(new IOException("the client was closed"));
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing is left to read or write on it
        }
    }

    /** Ends every connection of this loop and its thread; waits a little for it. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
