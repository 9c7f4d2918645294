package io.chillin.chat.cli.net.nio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * The bytes queued for one socket, written as far as the socket takes them. Bounded, so that a server that stops
 * reading fails its connection instead of growing the buffer without end; small until used, so that thousands of
 * idle connections cost little. Not thread-safe: its connection guards it.
 */
final class OutboundBuffer {

    /** Above this a drained buffer is dropped rather than kept for the connection's life. */
    private static final int KEEP_BYTES = 64 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final int limit;
    private byte[] data = EMPTY;
    private ByteBuffer view = ByteBuffer.wrap(EMPTY);
    private int start;
    private int end;

    OutboundBuffer(int limit) {
        this.limit = limit;
    }

    /**
     * Makes room for {@code n} more bytes at the end and returns the index to write them at in {@link #array()}, or -1
     * when that would hold more than the limit.
     */
    int append(int n) {
        if (end - start + n > limit) {
            return -1;
        }
        if (end + n > data.length) {
            if (end - start + n <= data.length) {
                System.arraycopy(data, start, data, 0, end - start);
            } else {
                byte[] grown = new byte[Math.min(limit, Math.max(end - start + n, Math.max(512, data.length * 2)))];
                System.arraycopy(data, start, grown, 0, end - start);
                data = grown;
                view = ByteBuffer.wrap(data);
            }
            end -= start;
            start = 0;
        }
        int at = end;
        end += n;
        return at;
    }

    byte[] array() {
        return data;
    }

    boolean isEmpty() {
        return start == end;
    }

    /** Writes what the socket takes now; true when nothing is left. */
    boolean writeTo(SocketChannel channel) throws IOException {
        if (start < end) {
            view.limit(end).position(start);
            start += channel.write(view);
        }
        if (start < end) {
            return false;
        }
        start = 0;
        end = 0;
        if (data.length > KEEP_BYTES) {
            data = EMPTY;
            view = ByteBuffer.wrap(EMPTY);
        }
        return true;
    }
}
