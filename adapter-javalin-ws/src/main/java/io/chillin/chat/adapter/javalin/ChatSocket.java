package io.chillin.chat.adapter.javalin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.port.in.AddressSlot;
import io.chillin.chat.application.port.in.Admission;
import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.EventSink;
import io.chillin.chat.application.port.in.JoinResult;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.SendMessageCommand;
import io.chillin.chat.application.port.in.SendMessageUseCase;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.Text;
import io.chillin.chat.domain.user.Identity;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket endpoint of PROTOCOL.md: upgrade checks, frame parsing, and one client's traffic. The checks run as
 * Javalin's upgrade handler (so refusals are the REST API's JSON errors, with the request's id and log line); the
 * socket itself is Jetty's core WebSocket session ({@link WebSocketUpgrade}, {@link SocketFrames}).
 */
final class ChatSocket {

    private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);
    private static final String SLOT = "chat.address-slot";
    private static final long MAX_BINARY_BYTES = 1024;
    private static final int INBOUND_FRAMES_IN_FLIGHT = 256;
    /** Sends one connection may have started and not yet answered; the next frame waits for them. */
    private static final int SENDS_ON_THE_WAY = 32;
    private static final int POLICY_VIOLATION = 1008;
    /** The connection's session ended (logged out, expired, account deleted, password changed): log in again. */
    static final int SESSION_ENDED = 4001;
    private static final long DROP_GRACE_MILLIS = 1000;
    private static final long CLOSING_GRACE_MILLIS = 5000;
    private static final long SHUTDOWN_ANSWER_MILLIS = 2000;
    private static final long ANSWER_POLL_MILLIS = 20;
    /**
     * A send that waited this long behind the connection's earlier frames is refused with UNAVAILABLE instead of
     * handled: the server is behind, and the client learns it now rather than after many seconds. A second, not
     * less: a client may rightly send its ten permitted messages at once (a reconnect flushing its queue), and
     * each waits for the one before it to be stored.
     */
    static final long SEND_STALE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ChatCore core;
    private final EdgeConfig config;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final WebSocketUpgrade upgrade;
    private final KeepAlive keepAlive;

    private final EdgeMetrics metrics;
    /** Sends started on this instance's sockets and not yet answered. */
    private final AtomicInteger sendsInFlight = new AtomicInteger();

    ChatSocket(ChatCore core, EdgeConfig config, EdgeMetrics metrics) {
        this.core = core;
        this.config = config;
        this.metrics = metrics;
        this.upgrade = new WebSocketUpgrade(config, MAX_BINARY_BYTES);
        this.keepAlive = new KeepAlive(config.keepAlive(), this::pingAll);
        metrics.gauge("chat.connections.open", "WebSocket connections open on this instance", clients, Set::size);
        metrics.gauge("chat.outbound.queued.frames", "frames handed to sockets and not yet written, all connections",
                clients, all -> all.stream().mapToInt(c -> c.waiting()).sum());
        metrics.gauge("chat.outbound.queued.frames.max", "the most frames waiting for one connection",
                clients, all -> all.stream().mapToInt(c -> c.waiting()).max().orElse(0));
    }

    /**
     * Runs on the HTTP upgrade request: refuses foreign origins (403) and bad tokens (401) before any frame, then
     * answers 101 itself. The handlers Javalin would run after this one (its own upgrade, the after-upgrade ones) are
     * skipped once the socket is open; a request Jetty cannot upgrade goes on to them and is refused there.
     */
    void upgrade(Context ctx) throws IOException {
        String origin = ctx.header("Origin");
        if (origin != null && !isAllowedOrigin(origin, ctx)) {
            throw new ChatException.Forbidden("origin " + origin + " is not allowed");
        }
        String token = ctx.queryParam("token");
        Admission admission = token == null ? null : core.connections().admit(token);
        // Last, so that nothing after it refuses the upgrade: the place counts from now, not from when the socket
        // opens, or a client racing its own upgrades would pass the cap. ctx.ip() is as TrustedProxies finds it.
        AddressSlot slot = core.connections().reserve(ctx.ip());
        ctx.attribute(SLOT, slot);
        Client client = new Client(admission, slot, RequestLog.started(ctx));
        boolean upgraded;
        try {
            upgraded = upgrade.upgrade(ctx, new SocketFrames(client, config.maxFrameBytes(), MAX_BINARY_BYTES));
        } catch (IOException | RuntimeException failed) {
            slot.release(); // a no-op if the socket opened after all: then it is the connection's
            throw failed;
        }
        if (upgraded) {
            ctx.skipRemainingHandlers();
        }
    }

    /** Runs after an upgrade Jetty refused: the request that did not become a socket gives its address's place back. */
    void afterRefusedUpgrade(Context ctx) {
        AddressSlot slot = ctx.attribute(SLOT);
        if (slot != null && ctx.statusCode() != 101) {
            slot.release();
        }
    }

    private boolean isAllowedOrigin(String origin, Context ctx) {
        String host = ctx.header("Host");
        boolean ownOrigin = host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
        return ownOrigin || config.allowedOrigins().contains(origin);
    }

    /** Number of open WebSocket clients on this instance. */
    int openClients() {
        return clients.size();
    }

    /**
     * Closes every client (server shutdown): they reconnect elsewhere. Waits a moment for their answers, so that a
     * client still sending gets the close frame rather than a reset connection.
     */
    void closeAll() {
        keepAlive.close();
        for (Client client : clients) {
            client.session.sendFrame(SocketFrames.closeHandshake(1001, "server is shutting down"), Callback.NOOP,
                    false);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_ANSWER_MILLIS);
        while (!clients.isEmpty() && System.nanoTime() < deadline && pause(ANSWER_POLL_MILLIS)) {
            // waiting for the answers
        }
    }

    /** Sleeps a little; false if the thread was interrupted, which ends the wait. */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void pingAll() {
        for (Client client : clients) {
            client.session.sendFrame(new Frame(OpCode.PING), Callback.NOOP, false);
        }
    }

    /**
     * One WebSocket: made when its upgrade passed the checks, opened with its socket. Then its core connection, the
     * worker that handles its frames in order, and its outbox.
     */
    private final class Client implements SocketFrames.Listener {
        private final Admission admission;
        private final AddressSlot slot;
        private final RequestLog.Started upgradeRequest;
        CoreSession session;
        Connection connection;
        Outbox<EncodedFrame> outbox;
        /** One callback for every frame written to this socket, reporting to the outbox. */
        private Callback sent;
        SerialWorker worker;
        /**
         * The frames handled and not yet answered, oldest first: started sends and the errors of frames behind them.
         * Answers go out in the order the frames came (a client without {@code ref} matches them by position).
         * Touched by the worker only.
         */
        private final ArrayDeque<Unanswered> unanswered = new ArrayDeque<>();
        long openedAt;
        private final AtomicBoolean dropping = new AtomicBoolean();

        Client(Admission admission, AddressSlot slot, RequestLog.Started upgradeRequest) {
            this.admission = admission;
            this.slot = slot;
            this.upgradeRequest = upgradeRequest;
        }

        /** Frames that cross the close are read and ignored: nothing can answer them any more. */
        private boolean closing() {
            return dropping.get() || !session.isOutputOpen();
        }

        int waiting() {
            Outbox<EncodedFrame> frames = outbox;
            return frames == null ? 0 : frames.waiting();
        }

        @Override
        public void opened(CoreSession socket) {
            this.session = socket;
            this.openedAt = System.nanoTime();
            // Frames go to the socket as the bytes FrameCache encoded once for all of a room's members; Jetty keeps
            // a frame with more to follow (batch) for the write of the next one.
            Outbox.Writer<EncodedFrame> writer = new Outbox.Writer<>() {
                @Override
                public void write(EncodedFrame frame, boolean more) {
                    socket.sendFrame(new Frame(OpCode.TEXT, frame.payload()), sent, more);
                }

                @Override
                public void flush() {
                    socket.flush(Callback.NOOP);
                }
            };
            this.outbox = new Outbox<>(config.outboundQueueFrames(), writer,
                    reason -> {
                        if (reason.startsWith(Outbox.NOT_READING)) {
                            metrics.slowClientDropped();
                        }
                        dropLater(POLICY_VIOLATION, reason);
                    });
            this.sent = Callback.from(outbox::written, outbox::failed);
            this.connection = core.connections().open(admission, slot, new EventSink() {
                @Override
                public void send(ServerEvent event) {
                    push(event);
                }

                @Override
                public void sendTogether(List<ServerEvent> events) {
                    List<EncodedFrame> frames = new ArrayList<>(events.size());
                    for (ServerEvent event : events) {
                        frames.add(encode(event));
                    }
                    outbox.pushAll(frames);
                }

                @Override
                public void sessionEnded(String reason) {
                    // Nothing more is written: the close frame goes out next.
                    outbox.close();
                    dropLater(SESSION_ENDED, reason);
                }
            });
            this.worker = new SerialWorker(INBOUND_FRAMES_IN_FLIGHT, connection.id());
            clients.add(this);
            run(() -> RequestLog.websocketOpened(upgradeRequest, connection.address()));
        }

        @Override
        public void text(String message) {
            if (closing()) {
                return;
            }
            run(() -> receive(message));
        }

        @Override
        public void binary() {
            if (closing()) {
                return;
            }
            // answered in turn, like a text frame: after the answers owed to the frames before it
            run(() -> queue(() -> answerInTurn(Frames.error(null, ErrorCode.MALFORMED.name(),
                    "binary frames are not supported", null, null))));
        }

        /** The socket closed (cut: 1006): the client stops, once. */
        @Override
        public void closed(int code, Throwable error) {
            if (!clients.remove(this)) {
                if (error != null) {
                    LOG.debug("websocket error", error);
                }
                return;
            }
            run(() -> {
                if (error != null) {
                    LOG.debug("websocket error", error);
                }
                RequestLog.websocketClosed(code, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedAt));
                stop();
            });
        }

        /** Runs {@code work} as this connection's: every line it logs names the connection. */
        void run(Runnable work) {
            LogContext.asConnection(connection.id(), work);
        }

        private void dropLater(int code, String reason) {
            if (!dropping.compareAndSet(false, true)) {
                return;
            }
            Thread.ofVirtual().name("ws-drop-" + connection.id())
                    .start(() -> run(() -> drop(session, code, reason)));
        }

        /**
         * Closes a client the server gives up on. Runs on its own thread: never inside a broadcast. The close frame
         * waits behind data the client does not read, so if it is not through soon the socket is cut; then the client
         * has a grace period to answer it (Jetty closes the connection on the answer) before it is cut as well.
         */
        private static void drop(CoreSession session, int code, String reason) {
            if (session.isOutputOpen()) {
                FutureCallback closing = new FutureCallback();
                session.sendFrame(SocketFrames.closeHandshake(code, reason), closing, false);
                try {
                    closing.get(DROP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
                } catch (Exception notThrough) {
                    session.abort();
                    return;
                }
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSING_GRACE_MILLIS);
            while (!session.isClosed() && System.nanoTime() < deadline && pause(ANSWER_POLL_MILLIS)) {
                // waiting for the client's answer
            }
            // A no-op once the client has answered.
            session.abort();
        }

        /** The socket closed: sends stop now; the connection leaves its rooms once the frame in progress is done. */
        void stop() {
            outbox.close();
            core.connections().closed(connection);
            worker.closeWith(() -> {
                answerStarted();
                try {
                    core.leaveRoom().disconnect(connection);
                } catch (RuntimeException e) {
                    LOG.warn("could not take a closed connection out of its rooms", e);
                }
            });
        }

        /**
         * Queues a frame for the worker. A client that keeps sending while this many of its frames wait for an
         * answer is not speaking the protocol (every request is answered) and is cut at once.
         */
        void receive(String frame) {
            long receivedAt = System.nanoTime();
            queue(() -> handle(frame, receivedAt));
        }

        private void queue(Runnable task) {
            if (!worker.offer(task)) {
                // Nothing more is written after the close frame: replies to the frames still queued would fail and
                // turn this clean 1008 into a cut connection.
                outbox.close();
                dropLater(POLICY_VIOLATION, "too many frames in flight: wait for the answers");
            }
        }

        /** A direct reply to the frame being handled. */
        void reply(String frame) {
            outbox.reply(EncodedFrame.of(frame));
        }

        private void push(ServerEvent event) {
            outbox.push(encode(event));
        }

        private EncodedFrame encode(ServerEvent event) {
            boolean own = event instanceof ServerEvent.MessagePosted posted && connection.identity()
                    .map(i -> i.key().equals(posted.message().authorKey())).orElse(false);
            return FrameCache.encode(event, own);
        }

        /**
         * Handles one frame; whatever happens, the client gets a reply or an error and nothing else changes. A send
         * is only started here (checked and queued for the store) and answered later, in turn: see {@link #unanswered}.
         */
        private void handle(String text, long receivedAt) {
            JsonNode ref = null;
            try {
                ObjectNode frame;
                try {
                    frame = Json.object(text);
                } catch (Json.Malformed unreadable) {
                    // The frame as a whole is refused, but its ref may still be readable: the client needs it.
                    ref = Json.topLevelScalar(text, "ref").filter(Client::isValidRef).orElse(null);
                    throw unreadable;
                }
                ref = refOf(frame);
                Json.Fields fields = new Json.Fields(frame);
                String type = fields.requiredString("type");
                if (type.equals("sendMessage")) {
                    metrics.messageReceived();
                    if (System.nanoTime() - receivedAt > SEND_STALE_AFTER_NANOS) {
                        throw new ChatException.Unavailable("the server is busy: nothing was stored; send it again shortly");
                    }
                    core.connections().touch(connection);
                    startSend(fields, ref);
                    return;
                }
                answerStarted();
                core.connections().touch(connection);
                outbox.hold();
                try {
                    dispatch(type, fields, ref);
                } catch (RuntimeException e) {
                    reply(errorFrame(ref, e));
                } finally {
                    outbox.release();
                }
            } catch (RuntimeException e) {
                answerInTurn(errorFrame(ref, e));
            }
        }

        /** Replies now, or after the answers still owed to earlier frames. */
        private void answerInTurn(String answer) {
            if (unanswered.isEmpty()) {
                reply(answer);
            } else {
                unanswered.addLast(Unanswered.withAnswer(answer));
            }
        }

        /**
         * Checks a send and queues it for the store without waiting for it, so that a client's burst of sends
         * shares a commit and frames behind a send are handled while it is stored; its answer waits in
         * {@link #unanswered} until the store is done with it and the answers before it are out.
         */
        private void startSend(Json.Fields f, JsonNode ref) {
            SendMessageCommand command = new SendMessageCommand(f.requiredString("room"), f.requiredString("tempId"),
                    f.requiredString("text"), f.integer("replyTo"));
            if (sendsInFlight.incrementAndGet() > config.sendsInFlight()) {
                sendsInFlight.decrementAndGet();
                throw new ChatException.Unavailable("the server is busy: nothing was stored; send it again shortly");
            }
            SendMessageUseCase.StartedSend started;
            try {
                started = core.sendMessage().start(connection, command);
            } catch (RuntimeException refused) {
                sendsInFlight.decrementAndGet();
                throw refused;
            }
            Unanswered send = Unanswered.send(ref, started);
            unanswered.addLast(send);
            // Runs on the store's thread: it only hands the answering to this connection's worker. A closed worker
            // refuses it, and its last task answers every started send instead.
            started.whenReady(() -> worker.add(() -> {
                send.ready = true;
                answerReady();
            }));
            if (unanswered.size() >= SENDS_ON_THE_WAY) {
                answerStarted();
            }
        }

        /** Answers the oldest frames whose answers are ready, up to the first one still being stored. */
        private void answerReady() {
            while (!unanswered.isEmpty() && unanswered.peekFirst().ready) {
                answer(unanswered.pollFirst());
            }
        }

        /**
         * Answers every frame still owed an answer, oldest first, waiting for the store where it must: before a
         * frame other than a send is handled, and when the connection has closed (a stored message is published
         * even though its sender has gone).
         */
        private void answerStarted() {
            Unanswered next;
            while ((next = unanswered.pollFirst()) != null) {
                answer(next);
            }
        }

        /** Sends a frame's answer; a send's confirmation goes out with the sender's own echo after it. */
        private void answer(Unanswered owed) {
            if (owed.send == null) {
                reply(owed.answer);
                return;
            }
            outbox.hold();
            try {
                reply(Frames.confirmed(owed.ref, owed.send.finish()));
            } catch (RuntimeException e) {
                reply(errorFrame(owed.ref, e));
            } finally {
                sendsInFlight.decrementAndGet();
                outbox.release();
            }
        }

        /** The error frame that answers {@code failure}, counted in the metrics. */
        private String errorFrame(JsonNode ref, RuntimeException failure) {
            if (failure instanceof ChatException e) {
                metrics.refused(e.code().name(), "ws");
                return Frames.error(ref, e.code().name(), e.getMessage(), Json.fieldOf(e), retryAfterSeconds(e));
            }
            if (failure instanceof Json.Malformed e) {
                metrics.refused(ErrorCode.MALFORMED.name(), "ws");
                return Frames.error(ref, ErrorCode.MALFORMED.name(), e.getMessage(), e.field, null);
            }
            LOG.error("unexpected failure handling a frame", failure);
            metrics.refused(ErrorCode.INTERNAL.name(), "ws");
            return Frames.error(ref, ErrorCode.INTERNAL.name(), "internal error", null, null);
        }

        /** Seconds until a retry may succeed: the rate limit's wait, 1 s for UNAVAILABLE, none for other errors. */
        private static Long retryAfterSeconds(ChatException e) {
            if (e instanceof ChatException.RateLimited limited) {
                return Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000);
            }
            return e instanceof ChatException.Unavailable ? Long.valueOf(1) : null;
        }

        private static JsonNode refOf(ObjectNode frame) {
            JsonNode ref = frame.get("ref");
            if (ref == null || ref.isNull()) {
                return null;
            }
            if (!isValidRef(ref)) {
                throw new Json.Malformed("'ref' must be a string of at most 128 characters (well-formed Unicode) or a whole number", "ref");
            }
            return ref;
        }

        /** A lone surrogate could not be sent back as it came (UTF-8 has no form for it): such a ref is refused. */
        private static boolean isValidRef(JsonNode ref) {
            return ref.isTextual() && ref.textValue().length() <= 128 && !Text.hasLoneSurrogate(ref.textValue())
                    || ref.isIntegralNumber();
        }

        private void dispatch(String type, Json.Fields f, JsonNode ref) {
            switch (type) {
                case "join" -> {
                    JoinRoomCommand command = new JoinRoomCommand(f.requiredString("room"), f.string("name"),
                            f.string("password"), f.integer("sinceSeq"), f.integer("sinceRev"));
                    JoinResult joined = core.joinRoom().join(connection, command);
                    String viewer = connection.identity().map(Identity::key).orElse("");
                    reply(Frames.ack(ref));
                    reply(Frames.history(joined.room().name(), joined.history(), viewer));
                    reply(Frames.event(joined.members(), false));
                }
                case "leave" -> {
                    core.leaveRoom().leave(connection, f.requiredString("room"));
                    reply(Frames.ack(ref));
                }
                case "editMessage" -> {
                    core.messageLifecycle().edit(connection, f.requiredString("room"), f.requiredInteger("seq"),
                            f.requiredString("text"));
                    reply(Frames.ack(ref));
                }
                case "deleteMessage" -> {
                    core.messageLifecycle().delete(connection, f.requiredString("room"), f.requiredInteger("seq"));
                    reply(Frames.ack(ref));
                }
                case "react" -> {
                    core.messageLifecycle().react(connection, f.requiredString("room"), f.requiredInteger("seq"),
                            f.requiredString("emoji"), f.requiredBoolean("on"));
                    reply(Frames.ack(ref));
                }
                case "markRead" -> {
                    core.messageLifecycle().markRead(connection, f.requiredString("room"), f.requiredInteger("seq"));
                    reply(Frames.ack(ref));
                }
                case "typing" -> core.typing().typing(connection, f.requiredString("room"), true);
                case "stopTyping" -> core.typing().typing(connection, f.requiredString("room"), false);
                case "auth" -> {
                    try {
                        core.connections().authenticate(connection, f.requiredString("token"));
                    } catch (ChatException.Unauthorized e) {
                        // as a bad ?token= is refused at the upgrade: the client must get a new token first. Ending
                        // the connection refuses the frames queued behind this one too, and closes it with 4001.
                        reply(Frames.error(ref, e.code().name(), e.getMessage(), null, null));
                        connection.end("unknown or expired token");
                        return;
                    }
                    reply(Frames.ack(ref));
                }
                case "ping" -> reply(Frames.pong(ref));
                case "watchRooms", "unwatchRooms" -> {
                    core.watchRooms().watchRooms(connection, type.equals("watchRooms"));
                    reply(Frames.ack(ref));
                }
                default -> throw new Json.Malformed("unknown type '" + abbreviate(type) + "'", "type");
            }
        }
    }

    /**
     * A frame waiting for its answer: a started send, ready once the store is done with it, or the answer to a frame
     * handled behind one. Touched by the connection's worker only.
     */
    private static final class Unanswered {
        final JsonNode ref;
        final SendMessageUseCase.StartedSend send;
        final String answer;
        boolean ready;

        private Unanswered(JsonNode ref, SendMessageUseCase.StartedSend send, String answer, boolean ready) {
            this.ref = ref;
            this.send = send;
            this.answer = answer;
            this.ready = ready;
        }

        static Unanswered send(JsonNode ref, SendMessageUseCase.StartedSend send) {
            return new Unanswered(ref, send, null, false);
        }

        static Unanswered withAnswer(String answer) {
            return new Unanswered(null, null, answer, true);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
