package io.chillin.chat.adapter.javalin;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings every open socket on one timer, every interval. A ping is how an idle client shows it is alive (every
 * WebSocket client answers one by itself) and how a silent proxy learns the connection is used; one timer for all
 * sockets, not a scheduled task for each, so an idle connection costs no timer of its own.
 */
final class KeepAlive implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeepAlive.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-ws-keepalive").daemon().factory());

    /** Runs {@code pingAll} every {@code interval}, from one interval from now until closed. */
    KeepAlive(Duration interval, Runnable pingAll) {
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                pingAll.run();
            } catch (RuntimeException e) {
                // a failure must not end the schedule: every later ping would be lost with it
                LOG.warn("pinging the open sockets failed", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule; a round in progress finishes (nothing is interrupted). */
    @Override
    public void close() {
        timer.shutdown();
    }
}
