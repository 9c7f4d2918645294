package io.chillin.chat.cli.net.nio;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A client's frames (RFC 6455 section 5.2), written straight into a connection's outbound buffer: always final,
 * always masked with a fresh key (section 5.3). The key only keeps proxies from reading frames as HTTP; a fast
 * random is enough for that.
 */
final class FrameEncoder {

    private FrameEncoder() {
    }

    /** Appends one frame; false when the buffer would hold more than its limit (nothing was appended). */
    static boolean append(OutboundBuffer out, int opcode, byte[] payload, int offset, int length) {
        int lengthBytes = length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
        int at = out.append(2 + lengthBytes + 4 + length);
        if (at < 0) {
            return false;
        }
        byte[] b = out.array();
        b[at++] = (byte) (0x80 | opcode);
        if (lengthBytes == 0) {
            b[at++] = (byte) (0x80 | length);
        } else if (lengthBytes == 2) {
            b[at++] = (byte) (0x80 | 126);
            b[at++] = (byte) (length >>> 8);
            b[at++] = (byte) length;
        } else {
            b[at++] = (byte) (0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                b[at++] = (byte) ((long) length >>> shift);
            }
        }
        int mask = ThreadLocalRandom.current().nextInt();
        byte m0 = (byte) (mask >>> 24);
        byte m1 = (byte) (mask >>> 16);
        byte m2 = (byte) (mask >>> 8);
        byte m3 = (byte) mask;
        b[at++] = m0;
        b[at++] = m1;
        b[at++] = m2;
        b[at++] = m3;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            b[at++] = (byte) (payload[offset + i] ^ m0);
            b[at++] = (byte) (payload[offset + i + 1] ^ m1);
            b[at++] = (byte) (payload[offset + i + 2] ^ m2);
            b[at++] = (byte) (payload[offset + i + 3] ^ m3);
        }
        for (; i < length; i++) {
            b[at++] = (byte) (payload[offset + i] ^ ((i & 3) == 0 ? m0 : (i & 3) == 1 ? m1 : (i & 3) == 2 ? m2 : m3));
        }
        return true;
    }

    /** The payload of a close frame: the code, then the reason as UTF-8 (cut to fit the 125 bytes of a control frame). */
    static byte[] closePayload(int code, String reason) {
        byte[] text = reason.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int reasonLength = Math.min(text.length, 123);
        byte[] payload = new byte[2 + reasonLength];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, reasonLength);
        return payload;
    }
}
