package io.chillin.chat.cli.net.nio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSocket server the test drives step by step on its own thread, speaking raw bytes, so that it can send what a
 * real server rarely does (fragments, pings, a close with a code, broken frames) and check what the client sends.
 */
final class ScriptedServer implements AutoCloseable {

    private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");

    private final ServerSocket listening;

    ScriptedServer() throws IOException {
        listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listening.setSoTimeout(10_000);
    }

    String url() {
        return "ws://127.0.0.1:" + listening.getLocalPort() + "/ws";
    }

    /** The next client, its upgrade request read but not answered. */
    Peer accept() throws IOException {
        Socket socket = listening.accept();
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return new Peer(socket);
    }

    @Override
    public void close() throws IOException {
        listening.close();
    }

    /** A frame as the client sent it, unmasked. */
    record Frame(boolean fin, int opcode, boolean masked, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    static final class Peer implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String request;

        private Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.request = readHead();
        }

        String request() {
            return request;
        }

        InetSocketAddress remote() {
            return (InetSocketAddress) socket.getRemoteSocketAddress();
        }

        /** Answers 101 as RFC 6455 wants it. */
        Peer upgrade() throws IOException {
            return answer("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key()) + "\r\n\r\n");
        }

        Peer answer(String head) throws IOException {
            raw(head.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        String key() {
            Matcher m = KEY.matcher(request);
            if (!m.find()) {
                throw new AssertionError("no Sec-WebSocket-Key in " + request);
            }
            return m.group(1);
        }

        static String accept(String key) {
            try {
                return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The bytes of one unmasked server frame. */
        static byte[] frame(boolean fin, int opcode, byte[] payload) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.write((fin ? 0x80 : 0) | opcode);
            if (payload.length <= 125) {
                b.write(payload.length);
            } else if (payload.length <= 0xFFFF) {
                b.write(126);
                b.write(payload.length >>> 8);
                b.write(payload.length);
            } else {
                b.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    b.write((int) ((long) payload.length >>> shift));
                }
            }
            b.writeBytes(payload);
            return b.toByteArray();
        }

        Peer send(boolean fin, int opcode, byte[] payload) throws IOException {
            return raw(frame(fin, opcode, payload));
        }

        Peer sendText(String text) throws IOException {
            return send(true, 1, text.getBytes(StandardCharsets.UTF_8));
        }

        Peer sendClose(int code, String reason) throws IOException {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + text.length];
            payload[0] = (byte) (code >>> 8);
            payload[1] = (byte) code;
            System.arraycopy(text, 0, payload, 2, text.length);
            return send(true, 8, payload);
        }

        Peer raw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            return this;
        }

        Frame readFrame() throws IOException {
            int b0 = read();
            int b1 = read();
            long length = b1 & 0x7F;
            if (length == 126) {
                length = (read() << 8) | read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | read();
                }
            }
            boolean masked = (b1 & 0x80) != 0;
            byte[] mask = masked ? in.readNBytes(4) : new byte[4];
            byte[] payload = in.readNBytes(Math.toIntExact(length));
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
            return new Frame((b0 & 0x80) != 0, b0 & 0x0F, masked, payload);
        }

        /** True when the client closed its side: the next read sees the end of the stream. */
        boolean clientClosed() throws IOException {
            return in.read() < 0;
        }

        private int read() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client closed the connection");
            }
            return b;
        }

        private String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                head.write(read());
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
