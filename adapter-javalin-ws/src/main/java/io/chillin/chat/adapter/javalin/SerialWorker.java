package io.chillin.chat.adapter.javalin;

import java.util.ArrayDeque;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's work one task at a time, in arrival order, on a virtual thread that exists
 * only while there is work: an idle connection holds no thread. The queue is bounded; a task that
 * does not fit is refused, never waited for.
 *
 * <p>Nothing here ever interrupts a thread. A task is never cut short: the last task (the
 * connection's clean-up) runs after the one in progress has finished, so a database call is never
 * interrupted (H2 closes its file when a thread is interrupted inside its I/O) and a join that races
 * the disconnect cannot add the member back after it was removed.
 */
final class SerialWorker {

    private static final Logger LOG = LoggerFactory.getLogger(SerialWorker.class);
    private static final ThreadFactory THREADS = Thread.ofVirtual().name("ws-worker-", 0).factory();

    private final int limit;
    private final String connectionId;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>(2);
    private boolean running;
    private boolean closed;

    /** {@code connectionId} goes into the MDC of the worker's thread, so every line its tasks log names it. */
    SerialWorker(int limit, String connectionId) {
        this.limit = limit;
        this.connectionId = connectionId;
    }

    /** Queues a task; false when {@code limit} tasks are already waiting or the worker is closed. */
    boolean offer(Runnable task) {
        return queue(task, true);
    }

    /**
     * Queues a task of the connection's own (an answer that became ready), whatever the limit: the limit is for
     * what the client sends. False only when the worker is closed; then its last task runs instead.
     */
    boolean add(Runnable task) {
        return queue(task, false);
    }

    private boolean queue(Runnable task, boolean limited) {
        synchronized (this) {
            if (closed || limited && tasks.size() >= limit) {
                return false;
            }
            tasks.addLast(task);
            if (running) {
                return true;
            }
            running = true;
        }
        THREADS.newThread(this::drain).start();
        return true;
    }

    /** Drops the tasks not yet started and runs {@code last} once the task in progress (if any) has finished. */
    void closeWith(Runnable last) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            tasks.clear();
            tasks.addLast(last);
            if (running) {
                return;
            }
            running = true;
        }
        THREADS.newThread(this::drain).start();
    }

    private void drain() {
        LogContext.asConnection(connectionId, this::runTasks);
    }

    private void runTasks() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks.pollFirst();
                if (task == null) {
                    running = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("a connection's task failed", e);
            }
        }
    }
}
