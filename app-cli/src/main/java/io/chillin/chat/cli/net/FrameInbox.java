package io.chillin.chat.cli.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A connection's frames kept in arrival order, for a client that waits for one reply at a time (the smoke test). */
public final class FrameInbox implements WsConnection.Handler {

    private final LinkedBlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

    @Override
    public void onFrame(JsonNode frame, long receivedNanos) {
        frames.add(frame);
    }

    /**
     * Waits for the first frame that matches, dropping those before it. An {@code error} frame that
     * {@code failsOn} matches ends the wait at once.
     *
     * @throws TimeoutException naming what was awaited and what came instead
     */
    public JsonNode await(Predicate<JsonNode> wanted, String what, Duration timeout, Predicate<JsonNode> failsOn)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> other = new ArrayList<>();
        for (long left = timeout.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            JsonNode frame = frames.poll(left, TimeUnit.NANOSECONDS);
            if (frame == null) {
                break;
            }
            if (wanted.test(frame)) {
                return frame;
            }
            if (failsOn.test(frame)) {
                throw new IllegalStateException("instead of " + what + " the server said " + frame);
            }
            if (other.size() < 5) {
                other.add(Frames.type(frame));
            }
        }
        throw new TimeoutException("no " + what + " within " + timeout.toMillis() + " ms" + (other.isEmpty() ? "" : "; got " + other));
    }
}
