package io.chillin.chat.adapter.javalin;

import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Utf8StringBuilder;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.exception.BadPayloadException;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;

/**
 * One socket's frames, as Jetty's core WebSocket layer hands them over, turned into whole messages for a
 * {@link Listener}: fragments joined, text checked as UTF-8, pings answered. It holds nothing of the HTTP upgrade,
 * so an open socket costs its connection, its session and this. A text message larger than its limit closes the
 * socket with 1009, invalid UTF-8 with 1007 (Jetty's core session turns the failed callback into the close).
 *
 * <p>Jetty calls {@link #onFrame} for one socket at a time and only after {@link CoreSession#demand()}: each frame is
 * answered with the next demand once it has been handed on, which is when the listener has queued it, never later.
 */
final class SocketFrames implements FrameHandler {

    /** What happens on one socket, in order; called on Jetty's threads, so nothing here may block. */
    interface Listener {
        void opened(CoreSession session);

        void text(String message);

        /** A whole binary message arrived (the protocol has none). */
        void binary();

        /** The socket is closed: by either side (with its code), or cut (1006), or failed ({@code error} set). */
        void closed(int code, Throwable error);
    }

    /**
     * A close frame that opens the close handshake whatever its code. Jetty's core session takes a close with any
     * code but 1000, 1005 and 3000+ as the end and shuts the TCP connection as soon as the frame is out; frames the
     * client is still sending then meet a closed socket, the kernel resets the connection, and the client's next write
     * fails before it has read the close frame (the JDK's client then reports "Broken pipe", not our code). RFC 6455
     * (7.1.1) has the server close the connection after the client's answer instead. So Jetty's state machine is told
     * the ordinary code, which makes it go on reading until the client answers, while the wire carries the real one;
     * {@link ChatSocket} cuts a client that does not answer in time.
     */
    static Frame closeHandshake(int code, String reason) {
        return new HandshakeClose(CloseStatus.asPayloadBuffer(code, reason));
    }

    private static final class HandshakeClose extends Frame implements CloseStatus.Supplier {
        private static final CloseStatus AWAITING_THE_ANSWER = new CloseStatus(CloseStatus.NORMAL);

        HandshakeClose(ByteBuffer payload) {
            super(OpCode.CLOSE, true, payload);
        }

        @Override
        public CloseStatus getCloseStatus() {
            return AWAITING_THE_ANSWER;
        }
    }

    private final Listener listener;
    private final long maxTextBytes;
    private final long maxBinaryBytes;
    private CoreSession session;
    private byte messageType = OpCode.UNDEFINED;
    private long messageBytes;
    private Utf8StringBuilder text;
    private Throwable error;

    SocketFrames(Listener listener, long maxTextBytes, long maxBinaryBytes) {
        this.listener = listener;
        this.maxTextBytes = maxTextBytes;
        this.maxBinaryBytes = maxBinaryBytes;
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        this.session = coreSession;
        try {
            listener.opened(coreSession);
        } catch (RuntimeException failed) {
            // Jetty closes the socket with 1011 and then reports it closed: the client reconnects
            callback.failed(failed);
            return;
        }
        callback.succeeded();
        coreSession.demand();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        switch (frame.getOpCode()) {
            case OpCode.PING -> {
                session.sendFrame(new Frame(OpCode.PONG).setPayload(copy(frame.getPayload())), Callback.NOOP, false);
                callback.succeeded();
                session.demand();
            }
            case OpCode.PONG -> {
                callback.succeeded();
                session.demand();
            }
            // Jetty answers the close itself once the callback is done; nothing is read after it.
            case OpCode.CLOSE -> callback.succeeded();
            default -> data(frame, callback);
        }
    }

    private void data(Frame frame, Callback callback) {
        try {
            if (frame.getOpCode() != OpCode.CONTINUATION) {
                messageType = frame.getOpCode();
                messageBytes = 0;
                text = messageType == OpCode.TEXT ? new Utf8StringBuilder() : null;
            }
            messageBytes += frame.getPayloadLength();
            long limit = messageType == OpCode.TEXT ? maxTextBytes : maxBinaryBytes;
            if (messageBytes > limit) {
                reset();
                callback.failed(new MessageTooLargeException("message too large: more than " + limit + " bytes"));
                return;
            }
            if (text != null && frame.hasPayload()) {
                text.append(frame.getPayload());
            }
            if (frame.isFin()) {
                if (messageType == OpCode.TEXT) {
                    String message = text.takeCompleteString(BadPayloadException.InvalidUtf8::new);
                    reset();
                    listener.text(message);
                } else {
                    reset();
                    listener.binary();
                }
            }
            callback.succeeded();
            session.demand();
        } catch (Throwable failure) {
            reset();
            callback.failed(failure);
        }
    }

    private void reset() {
        messageType = OpCode.UNDEFINED;
        messageBytes = 0;
        text = null;
    }

    /** A ping's payload belongs to Jetty's read buffer, which is reused once the callback is done. */
    private static ByteBuffer copy(ByteBuffer payload) {
        if (payload == null || !payload.hasRemaining()) {
            return null;
        }
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
        copy.put(payload.slice()).flip();
        return copy;
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        this.error = cause;
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        try {
            listener.closed(closeStatus == null ? CloseStatus.NO_CLOSE : closeStatus.getCode(), error);
        } finally {
            callback.succeeded();
        }
    }
}
