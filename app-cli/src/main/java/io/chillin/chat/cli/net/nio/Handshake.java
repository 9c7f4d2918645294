package io.chillin.chat.cli.net.nio;

import io.chillin.chat.cli.net.WsConnection;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The client's side of the opening handshake (RFC 6455 section 4.1): the upgrade request with a fresh
 * {@code Sec-WebSocket-Key}, and the check of the answer's head (status 101, {@code Upgrade}, {@code Connection}, the
 * {@code Sec-WebSocket-Accept} that proves the server read the key, and no extension or subprotocol, as none was
 * offered).
 */
final class Handshake {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** A server's head is a few hundred bytes; more than this is not a WebSocket server. */
    private static final int MAX_HEAD = 16 * 1024;

    private final String key;
    private byte[] head = new byte[256];
    private int length;

    Handshake(String key) {
        this.key = key;
    }

    /** A handshake with a random key: the key is a nonce against caches and confused servers, not a secret. */
    static Handshake withRandomKey() {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        return new Handshake(Base64.getEncoder().encodeToString(nonce));
    }

    byte[] request(URI uri) {
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String host = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        return ("GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Takes the next bytes of the answer. Returns how many of them belong to the head once it is complete (the rest are
     * already frames), or -1 while it is not.
     *
     * @throws ProtocolException when the head is longer than any WebSocket server's
     */
    int accept(byte[] bytes, int offset, int count) throws ProtocolException {
        int searchFrom = Math.max(0, length - 3);
        int take = Math.min(count, MAX_HEAD - length);
        if (length + take > head.length) {
            head = Arrays.copyOf(head, Math.min(MAX_HEAD, Math.max(head.length * 2, length + take)));
        }
        System.arraycopy(bytes, offset, head, length, take);
        length += take;
        for (int i = searchFrom; i + 3 < length; i++) {
            if (head[i] == '\r' && head[i + 1] == '\n' && head[i + 2] == '\r' && head[i + 3] == '\n') {
                int used = i + 4 - (length - take);
                length = i + 4;
                return used;
            }
        }
        if (length == MAX_HEAD) {
            throw new ProtocolException("the answer to the upgrade has no end of head within " + MAX_HEAD + " bytes");
        }
        return -1;
    }

    /**
     * Checks the complete head.
     *
     * @throws WsConnection.Refused when the status is not 101, the same refusal java.net.http's client reports
     * @throws ProtocolException when a 101 lacks what RFC 6455 requires of it
     */
    void verify() throws ProtocolException {
        String[] lines = new String(head, 0, length - 4, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new ProtocolException("not an HTTP answer: " + lines[0]);
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new ProtocolException("not an HTTP status: " + lines[0]);
        }
        if (code != 101) {
            throw new WsConnection.Refused(code);
        }
        String upgrade = null;
        String connection = null;
        String accept = null;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String value = lines[i].substring(colon + 1).strip();
            switch (lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT)) {
                case "upgrade" -> upgrade = value;
                case "connection" -> connection = value;
                case "sec-websocket-accept" -> accept = value;
                case "sec-websocket-extensions", "sec-websocket-protocol" ->
                        throw new ProtocolException("the server chose " + lines[i] + ", which was not offered");
                default -> {
                    // other headers (Date, Server...) say nothing about the upgrade
                }
            }
        }
        if (!"websocket".equalsIgnoreCase(upgrade)) {
            throw new ProtocolException("101 without Upgrade: websocket");
        }
        if (connection == null || Arrays.stream(connection.split(",")).noneMatch(t -> t.strip().equalsIgnoreCase("upgrade"))) {
            throw new ProtocolException("101 without Connection: Upgrade");
        }
        if (!expectedAccept().equals(accept)) {
            throw new ProtocolException("Sec-WebSocket-Accept is " + accept + ", not " + expectedAccept());
        }
    }

    private String expectedAccept() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
