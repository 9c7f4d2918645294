package io.chillin.chat.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chillin.chat.server.fuzz.FrameGenerator.Frame;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client of the fuzzer: sends frames pipelined on one WebSocket, each followed by a marker ping, so that what
 * comes back before the marker's pong is the whole answer to that frame. Fewer than 256 frames are ever in flight
 * (the server closes a socket with more, by design). A frame over the size limit is sent alone and must close the
 * socket with 1009; a refused {@code auth} closes it with 4001; any other close is a finding. A closed socket is
 * replaced by a new one with the same token.
 */
final class FuzzSocket implements AutoCloseable {

    /** The prefix of every marker's ref; no generated frame carries it. */
    static final String MARKER = "fuzz-marker-";
    private static final int PAIRS_IN_FLIGHT = 60;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong LINKS = new AtomicLong();

    private final HttpClient http;
    private final URI uri;
    /** The socket has its token's identity from the start: an {@code auth} on it must be a CONFLICT. */
    private final boolean identified;
    private final String authToken;
    private final FrameCheck check;
    private final Tally tally;
    private Link link;

    /**
     * A socket on {@code port} with the token in its URL, or none when null; {@code authToken} goes into the
     * {@code auth} frames that ask for a live token.
     */
    FuzzSocket(HttpClient http, int port, String token, String authToken, FrameCheck check, Tally tally) {
        this.http = http;
        this.uri = URI.create("ws://127.0.0.1:" + port + "/ws" + (token == null ? "" : "?token=" + token));
        this.identified = token != null;
        this.authToken = authToken;
        this.check = check;
        this.tally = tally;
    }

    /** Sends one frame; its answer is checked when it arrives. */
    void send(Frame frame) {
        Link current = live();
        if (frame.oversized()) {
            sendOversized(current, frame);
            return;
        }
        if (!current.reserve()) {
            current.stuck();
            current = live();
            if (!current.reserve()) {
                throw new IllegalStateException("a new socket does not answer either");
            }
        }
        current.send(frame);
    }

    /** Waits for the answers to every frame sent. */
    void drain() {
        if (link != null && (link.closed.isDone() || !link.drained())) {
            link.stuck();
        }
    }

    @Override
    public void close() {
        drain();
        if (link != null && !link.closed.isDone()) {
            link.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }

    private void sendOversized(Link current, Frame frame) {
        if (!current.drained()) {
            current.stuck();
            current = live();
        }
        current.socket.sendText(frame.text(), true).exceptionally(e -> null);
        Integer code = current.closedWithin(PATIENCE);
        if (code != null && code == 1009) {
            tally.count("ws close:1009");
            tally.count("by frame " + frame.kind() + ": close 1009");
        } else {
            tally.finding("ws: a frame over 16 KiB did not close the socket with 1009",
                    "frame #" + frame.index() + " (" + frame.kind() + ", " + frame.bytes() + " bytes): " + frame.text(),
                    code == null ? "still open after " + PATIENCE.toSeconds() + " s" : "closed with " + code + " "
                            + current.closeReason);
            current.socket.abort();
        }
        link = null;
    }

    /** The open link, or a new one if the last was closed (a close nobody expected is reported by the link). */
    private Link live() {
        if (link != null && link.closed.isDone()) {
            link.stuck();
        }
        if (link == null) {
            link = new Link();
        }
        return link;
    }

    /** One WebSocket connection and the frames waiting for their answers on it. */
    private final class Link implements WebSocket.Listener {
        final String markerPrefix = MARKER + LINKS.incrementAndGet() + "-";
        final Semaphore window = new Semaphore(PAIRS_IN_FLIGHT);
        final ArrayDeque<Pending> pending = new ArrayDeque<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final ArrayDeque<Frame> recent = new ArrayDeque<>();
        final StringBuilder partial = new StringBuilder();
        final WebSocket socket;
        volatile String closeReason = "";
        long markers;

        Link() {
            try {
                socket = http.newWebSocketBuilder().connectTimeout(PATIENCE).buildAsync(uri, this)
                        .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("could not open a fuzz socket to " + uri.getPath(), e);
            }
        }

        /** Waits for room in the window; false when the socket closed or the answers stopped coming. */
        boolean reserve() {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            try {
                while (!closed.isDone() && System.nanoTime() < deadline) {
                    if (window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void send(Frame frame) {
            String marker = markerPrefix + markers++;
            synchronized (this) {
                pending.add(new Pending(frame, marker, new ArrayList<>()));
                recent.add(frame);
                if (recent.size() > 3) {
                    recent.poll();
                }
            }
            try {
                socket.sendText(frame.text().replace(FrameGenerator.TOKEN, authToken), true).join();
                socket.sendText("{\"type\":\"ping\",\"ref\":\"" + marker + "\"}", true).join();
            } catch (RuntimeException closedMeanwhile) {
                // the close is reported when the link is next used, with every frame still in flight
                closeReason = closeReason.isEmpty() ? String.valueOf(closedMeanwhile) : closeReason;
            }
        }

        /** True once every frame sent has its answer; false if the socket closed or the answers stopped coming. */
        boolean drained() {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            try {
                while (!closed.isDone() && System.nanoTime() < deadline) {
                    if (window.tryAcquire(PAIRS_IN_FLIGHT, 100, TimeUnit.MILLISECONDS)) {
                        window.release(PAIRS_IN_FLIGHT);
                        return true;
                    }
                }
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /**
         * The answers stopped coming or the socket closed; the socket goes. A refused {@code auth} closes it with
         * 4001, by the protocol: what was in flight behind it goes unanswered (and must not have been stored, which
         * the store's check afterwards sees). Any other end is a finding, with the frames that were waiting.
         */
        void stuck() {
            List<Pending> left;
            List<Frame> last;
            synchronized (this) {
                left = new ArrayList<>(pending);
                pending.clear();
                last = new ArrayList<>(recent);
            }
            Integer code = closed.getNow(null);
            Pending head = left.isEmpty() ? null : left.getFirst();
            boolean refusedAuth = code != null && code == 4001 && head != null && FrameCheck.mayEndTheSocket(head.frame)
                    && head.replies.stream().anyMatch(r -> r.path("code").asText().equals("UNAUTHORIZED"));
            for (Pending p : refusedAuth ? left.subList(1, left.size()) : left) {
                check.salvage(p.replies);
                check.unanswered(p.frame);
            }
            if (refusedAuth) {
                check.check(head.frame, head.replies);
                tally.count("ws close:4001");
                tally.count("by frame " + head.frame.kind() + ": close 4001");
                tally.count("ws unanswered behind a refused auth", left.size() - 1);
                if (identified) {
                    tally.finding("ws: an auth on a socket that has its token's identity ended it, not CONFLICT",
                            "frame #" + head.frame.index() + " (" + head.frame.kind() + "): " + head.frame.text(),
                            head.replies + ", then closed with 4001");
                }
            } else {
                String state = code != null ? "closed with " + code + " " + closeReason
                        : "no answer within " + PATIENCE.toSeconds() + " s";
                StringBuilder input = new StringBuilder(left.size() + " frames in flight");
                for (Pending p : left.subList(0, Math.min(3, left.size()))) {
                    input.append("; frame #").append(p.frame.index()).append(" (").append(p.frame.kind()).append("): ")
                            .append(p.frame.text());
                }
                if (left.isEmpty()) {
                    last.forEach(f -> input.append("; sent before: frame #").append(f.index()).append(": ")
                            .append(f.text()));
                }
                tally.finding("ws: " + (code != null ? "socket closed by the server" : "no answer"), input.toString(),
                        state + (head == null ? "" : "; replies so far: " + head.replies));
            }
            socket.abort();
            link = null;
        }

        Integer closedWithin(Duration time) {
            try {
                return closed.get(time.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception notClosed) {
                return null;
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private void received(String text) {
            JsonNode frame;
            try {
                frame = JSON.readTree(text);
            } catch (Exception e) {
                frame = JSON.createObjectNode().put("type", "<not JSON>").put("text", text);
            }
            JsonNode ref = frame.path("ref");
            if (ref.isTextual() && ref.textValue().startsWith(MARKER)) {
                if (!frame.path("type").asText().equals("pong")) {
                    // after a refused auth the marker is refused too, before the socket closes
                    tally.count("ws marker refused " + frame.path("code").asText());
                }
                answered(ref.textValue());
                return;
            }
            Pending head;
            synchronized (this) {
                head = pending.peek();
                if (head != null) {
                    head.replies.add(frame);
                }
            }
            if (head == null) {
                check.pushed(frame);
            }
        }

        private void answered(String marker) {
            Pending done;
            synchronized (this) {
                done = pending.poll();
            }
            if (done == null || !done.marker.equals(marker)) {
                tally.finding("ws: a marker's pong came out of order", done == null ? "(nothing in flight)"
                        : "frame #" + done.frame.index() + ": " + done.frame.text(), "pong " + marker);
            } else {
                check.check(done.frame, done.replies);
            }
            window.release();
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closeReason = String.valueOf(error);
            closed.complete(-1);
        }
    }

    /** A frame sent and not yet answered, with the replies that came so far. */
    private record Pending(Frame frame, String marker, List<JsonNode> replies) {
    }
}
