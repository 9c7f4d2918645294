package io.chillin.chat.cli.net.nio;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a server's frames (RFC 6455 section 5) from whatever chunks the socket gives: unmasked, without extensions,
 * text messages possibly fragmented, control frames possibly between the fragments. A whole text frame that lies in
 * one chunk is handed on where it lies, without a copy; only frames that span chunks, and fragmented messages, are
 * gathered. Binary messages are skipped: the protocol has none.
 */
final class FrameDecoder {

    /** Where decoded messages go. */
    interface Sink {
        /** A whole text message; the bytes are valid only during the call. */
        void onText(byte[] utf8, int offset, int length);

        void onPing(byte[] payload, int offset, int length);

        void onClose(int code, String reason);
    }

    /** The server broke the framing rules; the connection is to be failed with {@code code}. */
    static final class Violation extends Exception {
        private final int code;

        Violation(int code, String message) {
            super(message);
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    private static final int NO_MESSAGE = -1;
    /** A gathering buffer above this is dropped after its message rather than kept for the connection's life. */
    private static final int KEEP_BYTES = 64 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final int maxMessage;
    private final byte[] header = new byte[14];
    private int headerLength;
    private boolean inPayload;
    private boolean fin;
    private int opcode;
    private long remaining;
    private int messageOpcode = NO_MESSAGE;
    private byte[] gathered = EMPTY;
    private int gatheredLength;
    private final byte[] control = new byte[125];
    private int controlLength;

    FrameDecoder(int maxMessage) {
        this.maxMessage = maxMessage;
    }

    void decode(byte[] bytes, int offset, int count, Sink sink) throws Violation {
        int at = offset;
        int end = offset + count;
        while (at < end) {
            if (!inPayload) {
                at = readHeader(bytes, at, end, sink);
                continue;
            }
            int n = (int) Math.min(remaining, end - at);
            if (isControl(opcode)) {
                System.arraycopy(bytes, at, control, controlLength, n);
                controlLength += n;
            } else if (messageOpcode == TEXT) {
                if (fin && gatheredLength == 0 && n == remaining) {
                    // the common case: a whole unfragmented message in this chunk
                    at += n;
                    remaining = 0;
                    inPayload = false;
                    messageOpcode = NO_MESSAGE;
                    sink.onText(bytes, at - n, n);
                    continue;
                }
                gather(bytes, at, n);
            }
            at += n;
            remaining -= n;
            if (remaining == 0) {
                frameEnd(sink);
            }
        }
    }

    private int readHeader(byte[] bytes, int at, int end, Sink sink) throws Violation {
        if (headerLength == 0 && end - at >= 2) {
            int size = headerSize(bytes[at + 1]);
            if (end - at >= size) {
                begin(bytes, at, sink);
                return at + size;
            }
        }
        // a header split between chunks: gathered byte by byte (at most 14)
        header[headerLength++] = bytes[at];
        if (headerLength >= 2 && headerLength == headerSize(header[1])) {
            headerLength = 0;
            begin(header, 0, sink);
        }
        return at + 1;
    }

    private static int headerSize(byte second) {
        int length = second & 0x7F;
        return 2 + (length == 126 ? 2 : length == 127 ? 8 : 0) + ((second & 0x80) != 0 ? 4 : 0);
    }

    private void begin(byte[] h, int at, Sink sink) throws Violation {
        int b0 = h[at] & 0xFF;
        int b1 = h[at + 1] & 0xFF;
        if ((b0 & 0x70) != 0) {
            throw new Violation(CloseCodes.PROTOCOL_ERROR, "reserved bits set, but no extension was negotiated");
        }
        if ((b1 & 0x80) != 0) {
            throw new Violation(CloseCodes.PROTOCOL_ERROR, "a server's frame is masked");
        }
        fin = (b0 & 0x80) != 0;
        opcode = b0 & 0x0F;
        long length = b1 & 0x7F;
        if (length == 126) {
            length = ((h[at + 2] & 0xFF) << 8) | (h[at + 3] & 0xFF);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | (h[at + 2 + i] & 0xFF);
            }
            if (length < 0) {
                throw new Violation(CloseCodes.PROTOCOL_ERROR, "a frame length with its top bit set");
            }
        }
        switch (opcode) {
            case CLOSE, PING, PONG -> {
                if (!fin || length > 125) {
                    throw new Violation(CloseCodes.PROTOCOL_ERROR, "a control frame fragmented or over 125 bytes");
                }
                controlLength = 0;
            }
            case TEXT, BINARY -> {
                if (messageOpcode != NO_MESSAGE) {
                    throw new Violation(CloseCodes.PROTOCOL_ERROR, "a new message began inside a fragmented one");
                }
                messageOpcode = opcode;
            }
            case CONTINUATION -> {
                if (messageOpcode == NO_MESSAGE) {
                    throw new Violation(CloseCodes.PROTOCOL_ERROR, "a continuation frame without a message to continue");
                }
            }
            default -> throw new Violation(CloseCodes.PROTOCOL_ERROR, "unknown opcode " + opcode);
        }
        if (!isControl(opcode) && messageOpcode == TEXT && gatheredLength + length > maxMessage) {
            throw new Violation(CloseCodes.TOO_BIG, "a message over " + maxMessage + " bytes");
        }
        remaining = length;
        inPayload = true;
        if (length == 0) {
            frameEnd(sink);
        }
    }

    private void gather(byte[] bytes, int at, int n) {
        if (gatheredLength + n > gathered.length) {
            gathered = Arrays.copyOf(gathered, Math.max(gatheredLength + n, Math.max(1024, gathered.length * 2)));
        }
        System.arraycopy(bytes, at, gathered, gatheredLength, n);
        gatheredLength += n;
    }

    private void frameEnd(Sink sink) throws Violation {
        inPayload = false;
        switch (opcode) {
            case PING -> sink.onPing(control, 0, controlLength);
            case PONG -> {
                // this client sends no pings, so a pong answers nothing
            }
            case CLOSE -> close(sink);
            default -> {
                if (fin) {
                    int message = messageOpcode;
                    messageOpcode = NO_MESSAGE;
                    if (message == TEXT) {
                        sink.onText(gathered, 0, gatheredLength);
                    }
                    gatheredLength = 0;
                    if (gathered.length > KEEP_BYTES) {
                        gathered = EMPTY;
                    }
                }
            }
        }
    }

    private void close(Sink sink) throws Violation {
        if (controlLength == 0) {
            sink.onClose(CloseCodes.NO_STATUS, "");
        } else if (controlLength == 1) {
            throw new Violation(CloseCodes.PROTOCOL_ERROR, "a close frame of one byte");
        } else {
            int code = ((control[0] & 0xFF) << 8) | (control[1] & 0xFF);
            sink.onClose(code, new String(control, 2, controlLength - 2, StandardCharsets.UTF_8));
        }
    }

    private static boolean isControl(int opcode) {
        return (opcode & 0x8) != 0;
    }
}
