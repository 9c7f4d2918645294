package io.chillin.chat.cli.net.nio;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One client WebSocket owned by a {@link SelectorLoop}: connecting, the opening handshake, frames both ways and the
 * closing handshake, each phase bounded in time. Everything but sending runs on the loop's thread. A send encodes the
 * frame into the connection's outbound buffer and writes what the socket takes at once, on the sender's thread; what
 * is left the loop flushes when the socket can take more, so a sender never waits for a slow server (a server that
 * stops reading fails its connection once {@value #MAX_OUTBOUND_BYTES} bytes wait).
 */
public final class NioWebSocket {

    private enum State { CONNECTING, HANDSHAKING, OPEN, CLOSING, AWAITING_EOF, CLOSED }

    /** The longest server message taken; the protocol's are at most a few hundred KiB (a page of history). */
    private static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final int MAX_OUTBOUND_BYTES = 4 * 1024 * 1024;
    /** How long the closing handshake may take before the connection is cut. */
    private static final long CLOSE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final SelectorLoop loop;
    private final URI uri;
    private final InetSocketAddress remote;
    private final InetAddress source;
    private final long timeoutNanos;
    private final Listener listener;
    private final CompletableFuture<NioWebSocket> opened = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final FrameDecoder decoder = new FrameDecoder(MAX_MESSAGE_BYTES);
    private final Inbound inbound = new Inbound();

    /** Guards the outbound buffer, {@link #writePending} and every change of {@link #state} away from OPEN. */
    private final Object lock = new Object();
    private final OutboundBuffer out = new OutboundBuffer(MAX_OUTBOUND_BYTES);
    private boolean writePending;
    private volatile State state = State.CONNECTING;

    // the loop's thread only
    private Handshake handshake = Handshake.withRandomKey(); // dropped once open: thousands of sockets hold none
    private SocketChannel channel;
    private SelectionKey key;
    private long deadlineNanos;
    private long receivedNanos;
    private int closeCode = CloseCodes.ABNORMAL;
    private String closeReason = "";

    NioWebSocket(SelectorLoop loop, URI uri, InetSocketAddress remote, InetAddress source, Duration timeout,
                 Listener listener) {
        this.loop = loop;
        this.uri = uri;
        this.remote = remote;
        this.source = source;
        this.timeoutNanos = timeout.toNanos();
        this.listener = listener;
    }

    CompletableFuture<NioWebSocket> opened() {
        return opened;
    }

    /**
     * Queues a text frame and writes what the socket takes now; never waits for the socket. False when the connection
     * is not open (any more), or when it just failed because its server stopped reading.
     */
    public boolean sendText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (state != State.OPEN) {
                return false;
            }
            if (!FrameEncoder.append(out, FrameDecoder.TEXT, payload, 0, payload.length)) {
                loop.execute(() -> fail(new IOException("more than " + MAX_OUTBOUND_BYTES
                        + " bytes wait to be written: the server does not read")));
                return false;
            }
            return flushLocked();
        }
    }

    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** The server's close code once the connection ended, or {@link CloseCodes#ABNORMAL} without a close handshake. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    /** Starts a normal close (1000); the future completes when the server answered and closed, or the wait is over. */
    public CompletableFuture<Integer> closeAsync() {
        loop.execute(this::startClose);
        return closed;
    }

    /** Cuts the connection without a close handshake. */
    public void abort() {
        loop.execute(() -> finish(CloseCodes.ABNORMAL, "aborted"));
    }

    @Override
    public String toString() {
        return "WebSocket " + uri + " (" + state + ")";
    }

    // ---- on the loop's thread from here on

    void start() {
        deadlineNanos = System.nanoTime() + timeoutNanos;
        loop.schedule(this, deadlineNanos);
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (source != null) {
                // a port of its own on that address; SO_REUSEADDR lets it be one still in TIME_WAIT from a former run
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                channel.bind(new InetSocketAddress(source, 0));
            }
            key = channel.register(loop.selector(), 0, this);
            if (channel.connect(remote)) {
                connected();
            } else {
                key.interestOps(SelectionKey.OP_CONNECT);
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    void onConnectable() {
        try {
            if (channel.finishConnect()) {
                connected();
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    private void connected() {
        state = State.HANDSHAKING;
        key.interestOps(SelectionKey.OP_READ);
        byte[] request = handshake.request(uri);
        synchronized (lock) {
            int at = out.append(request.length);
            System.arraycopy(request, 0, out.array(), at, request.length);
            flushLocked();
        }
    }

    void onWritable() {
        try {
            synchronized (lock) {
                if (out.writeTo(channel)) {
                    writePending = false;
                    key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
                }
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    void onReadable(ByteBuffer buffer) {
        // a few reads at most, so that one busy socket does not hold up the others of this thread
        for (int round = 0; round < 4 && state != State.CLOSED; round++) {
            buffer.clear();
            int n;
            try {
                n = channel.read(buffer);
            } catch (IOException e) {
                fail(e);
                return;
            }
            if (n < 0) {
                endOfStream();
                return;
            }
            if (n == 0) {
                return;
            }
            receivedNanos = System.nanoTime();
            received(buffer.array(), buffer.arrayOffset(), n);
            if (buffer.hasRemaining()) {
                return;
            }
        }
    }

    private void received(byte[] bytes, int offset, int count) {
        int at = offset;
        int left = count;
        if (state == State.HANDSHAKING) {
            try {
                int head = handshake.accept(bytes, at, left);
                if (head < 0) {
                    return;
                }
                handshake.verify();
                at += head;
                left -= head;
            } catch (IOException | RuntimeException refusedOrBroken) {
                fail(refusedOrBroken);
                return;
            }
            state = State.OPEN;
            handshake = null;
            deadlineNanos = Long.MAX_VALUE;
            opened.complete(this);
        }
        if (state == State.OPEN || state == State.CLOSING) {
            try {
                decoder.decode(bytes, at, left, inbound);
            } catch (FrameDecoder.Violation v) {
                synchronized (lock) {
                    state = State.CLOSING; // no frame of a sender's after the close
                    byte[] payload = FrameEncoder.closePayload(v.code(), v.getMessage());
                    FrameEncoder.append(out, FrameDecoder.CLOSE, payload, 0, payload.length);
                    flushLocked();
                }
                finish(CloseCodes.ABNORMAL, v.getMessage());
            }
        }
        // after the server's close frame, whatever else it sends is not read
    }

    private void endOfStream() {
        if (state == State.AWAITING_EOF) {
            finish(closeCode, closeReason);
        } else if (state == State.CONNECTING || state == State.HANDSHAKING) {
            fail(new IOException("the server closed the connection during the handshake"));
        } else {
            finish(CloseCodes.ABNORMAL, "the server closed the connection without a close frame");
        }
    }

    private void startClose() {
        switch (state) {
            case CONNECTING, HANDSHAKING -> fail(new IOException("closed before it opened"));
            case OPEN -> {
                synchronized (lock) {
                    byte[] payload = FrameEncoder.closePayload(CloseCodes.NORMAL, "bye");
                    FrameEncoder.append(out, FrameDecoder.CLOSE, payload, 0, payload.length);
                    state = State.CLOSING;
                    flushLocked();
                }
                scheduleClosingDeadline();
            }
            default -> {
                // closing or closed already
            }
        }
    }

    private void scheduleClosingDeadline() {
        deadlineNanos = System.nanoTime() + CLOSE_TIMEOUT_NANOS;
        loop.schedule(this, deadlineNanos);
    }

    /** Only the connection's latest deadline counts: one scheduled for a phase it already left is ignored. */
    void onDeadline(long atNanos) {
        if (atNanos != deadlineNanos) {
            return;
        }
        switch (state) {
            case CONNECTING, HANDSHAKING -> fail(new TimeoutException("no WebSocket within "
                    + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms"));
            case CLOSING -> finish(CloseCodes.ABNORMAL, "the server did not answer the close within "
                    + TimeUnit.NANOSECONDS.toSeconds(CLOSE_TIMEOUT_NANOS) + " s");
            case AWAITING_EOF -> finish(closeCode, closeReason); // answered, but kept the socket open: cut it
            default -> {
                // open or closed: nothing is due
            }
        }
    }

    /** Ends the connection because of {@code error}: a failed open fails {@link #opened}, an open one reports -1. */
    void fail(Throwable error) {
        if (!opened.isDone()) {
            closeChannel();
            state = State.CLOSED;
            opened.completeExceptionally(error);
            closed.complete(CloseCodes.ABNORMAL);
        } else {
            finish(CloseCodes.ABNORMAL, String.valueOf(error));
        }
    }

    private void finish(int code, String reason) {
        if (state == State.CLOSED) {
            return;
        }
        synchronized (lock) {
            state = State.CLOSED;
        }
        closeChannel();
        if (!opened.isDone()) {
            opened.completeExceptionally(new IOException(reason));
        }
        if (closed.complete(code)) {
            listener.onClosed(code, reason);
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing is all that was wanted
            }
        }
    }

    /** Writes what the socket takes now; the rest waits for the loop. Under {@link #lock}. False when the write failed. */
    private boolean flushLocked() {
        if (writePending) {
            return true; // the loop flushes in order, once the socket takes more
        }
        try {
            if (!out.writeTo(channel)) {
                writePending = true;
                if (loop.inLoop()) {
                    key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
                } else {
                    loop.execute(this::wantWrite);
                }
            }
            return true;
        } catch (IOException e) {
            if (loop.inLoop()) {
                fail(e);
            } else {
                loop.execute(() -> fail(e));
            }
            return false;
        }
    }

    private void wantWrite() {
        if (key.isValid()) {
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        }
    }

    /** The decoded frames, on the loop's thread. */
    private final class Inbound implements FrameDecoder.Sink {

        @Override
        public void onText(byte[] utf8, int offset, int length) {
            if (state == State.OPEN || state == State.CLOSING) {
                listener.onText(utf8, offset, length, receivedNanos);
            }
        }

        @Override
        public void onPing(byte[] payload, int offset, int length) {
            synchronized (lock) {
                if (state == State.OPEN) {
                    FrameEncoder.append(out, FrameDecoder.PONG, payload, offset, length);
                    flushLocked();
                }
            }
        }

        @Override
        public void onClose(int code, String reason) {
            closeCode = code;
            closeReason = reason;
            synchronized (lock) {
                boolean answer = state == State.OPEN;
                // RFC 6455 section 7.1.1: the server closes the TCP connection first, so that it, not this client, keeps
                // the TIME_WAIT; this client waits for that, boundedly
                state = State.AWAITING_EOF;
                if (answer) {
                    // the server closes: answer with its code (RFC 6455 section 5.5.1), or with none when it gave none
                    byte[] payload = code == CloseCodes.NO_STATUS ? new byte[0] : FrameEncoder.closePayload(code, "");
                    FrameEncoder.append(out, FrameDecoder.CLOSE, payload, 0, payload.length);
                    flushLocked();
                }
            }
            scheduleClosingDeadline();
        }
    }
}
