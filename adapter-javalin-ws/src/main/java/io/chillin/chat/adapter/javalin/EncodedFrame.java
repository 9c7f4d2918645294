package io.chillin.chat.adapter.javalin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A text frame's payload, encoded to UTF-8 once. A room event reaches every member as the same bytes: each
 * write gets its own read-only view of them, so nothing is copied or re-encoded per recipient and no write
 * can disturb another's.
 */
final class EncodedFrame {

    private final ByteBuffer utf8;

    private EncodedFrame(byte[] utf8) {
        this.utf8 = ByteBuffer.wrap(utf8).asReadOnlyBuffer();
    }

    static EncodedFrame of(String text) {
        return new EncodedFrame(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh view of the payload for one write: its position and limit are that write's alone. */
    ByteBuffer payload() {
        return utf8.duplicate();
    }

    /** The frame as text, decoded again: for logs and tests. */
    String text() {
        return StandardCharsets.UTF_8.decode(payload()).toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
