package io.chillin.chat.adapter.javalin;

import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * Jetty's threads: a few platform threads for the selector, the acceptor and the non-blocking callbacks (reading a
 * frame, completing a write), and a new virtual thread for each task that may block (an HTTP request's handler).
 *
 * <p>Javalin's own virtual-thread pool runs everything, the selector loop included, on virtual threads: every
 * {@code epoll_wait} of the selector then goes through the JDK's poller threads and every read becomes a new virtual
 * thread, which a profile of the fan-out benchmark showed as a tenth of the server's CPU (see docs/benchmarks.md).
 */
final class JettyThreads {

    private static final int MIN_PLATFORM_THREADS = 4;

    private JettyThreads() {
    }

    static ThreadPool create() {
        // selectors and acceptors grow with the cores (up to 4 each) and lease their threads for good: leave room for
        // them and for the callbacks, which never block; blocking work never holds one of these
        int max = Math.max(16, 2 * Runtime.getRuntime().availableProcessors() + 8);
        QueuedThreadPool pool = new QueuedThreadPool(max, MIN_PLATFORM_THREADS);
        pool.setName("jetty");
        pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("jetty-vt-"));
        return pool;
    }
}
