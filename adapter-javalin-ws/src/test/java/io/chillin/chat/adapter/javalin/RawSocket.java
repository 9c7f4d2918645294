package io.chillin.chat.adapter.javalin;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * A WebSocket client at the level of single frames, for what java.net.http's client never sends: fragments in odd
 * places, pings with payloads, binary frames, invalid UTF-8. Upgrades with a plain HTTP/1.1 request; every read is
 * bounded by {@link EdgeHarness#PATIENCE}.
 */
final class RawSocket implements AutoCloseable {

    /** One frame from the server. */
    record Received(int opcode, boolean fin, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The close code of a CLOSE frame (1005 when it has none). */
        int closeCode() {
            return payload.length < 2 ? 1005 : (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Upgrades a connection to {@code /ws} on {@code port}; fails unless the server answers 101. */
    static RawSocket open(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) EdgeHarness.PATIENCE.toMillis());
        RawSocket raw = new RawSocket(socket);
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\n\r\n";
        raw.out.write(request.getBytes(StandardCharsets.US_ASCII));
        String head = raw.readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
        }
        return raw;
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the upgrade");
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** Sends one masked frame, as a client must ({@code opcode}: one of Jetty's {@link OpCode}s). */
    void send(int opcode, boolean fin, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    void sendText(int opcode, boolean fin, String text) throws IOException {
        send(opcode, fin, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The next frame the server sends. */
    Received read() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Received(first & 0x0F, (first & 0x80) != 0, payload);
    }

    /** The next frame that is not a ping from the server's keep-alive. */
    Received readSkippingPings() throws IOException {
        Received frame = read();
        while (frame.opcode() == OpCode.PING) {
            frame = read();
        }
        return frame;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
