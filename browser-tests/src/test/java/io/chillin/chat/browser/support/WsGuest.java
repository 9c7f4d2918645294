package io.chillin.chat.browser.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A second participant speaking the WebSocket protocol directly (no browser), for seeding conversations. */
public final class WsGuest implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private int counter;

    private WsGuest(WebSocket socket) {
        this.socket = socket;
    }

    public static WsGuest connect(RunningServer server) {
        return connect(server, null);
    }

    /** Connects with a session token (a logged-in user), or as a token-less guest when null. */
    public static WsGuest connect(RunningServer server, String token) {
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                ws.request(1); // what the server says is not needed here, only that it keeps talking
                return null;
            }
        };
        try {
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"
                            + (token == null ? "" : "?token=" + RunningServer.encode(token))), listener)
                    .get(10, TimeUnit.SECONDS);
            return new WsGuest(ws);
        } catch (Exception e) {
            throw new IllegalStateException("could not open a WebSocket to the server", e);
        }
    }

    public WsGuest join(String room, String name) {
        return send(Map.of("type", "join", "room", room, "name", name));
    }

    /** Joins with the token's identity. */
    public WsGuest join(String room) {
        return send(Map.of("type", "join", "room", room));
    }

    public WsGuest say(String room, String text) {
        return send(Map.of("type", "sendMessage", "room", room, "tempId", "seed-" + (++counter) + "-" + System.nanoTime(),
                "text", text));
    }

    /** Sends a message that answers the one with seq {@code replyTo}. */
    public WsGuest reply(String room, long replyTo, String text) {
        return send(Map.of("type", "sendMessage", "room", room, "tempId", "seed-" + (++counter) + "-" + System.nanoTime(),
                "text", text, "replyTo", replyTo));
    }

    public WsGuest edit(String room, long seq, String text) {
        return send(Map.of("type", "editMessage", "room", room, "seq", seq, "text", text));
    }

    public WsGuest delete(String room, long seq) {
        return send(Map.of("type", "deleteMessage", "room", room, "seq", seq));
    }

    public WsGuest react(String room, long seq, String emoji) {
        return send(Map.of("type", "react", "room", room, "seq", seq, "emoji", emoji, "on", true));
    }

    public WsGuest markRead(String room, long seq) {
        return send(Map.of("type", "markRead", "room", room, "seq", seq));
    }

    public WsGuest leave(String room) {
        return send(Map.of("type", "leave", "room", room));
    }

    public WsGuest typing(String room) {
        return send(Map.of("type", "typing", "room", room));
    }

    private WsGuest send(Map<String, Object> frame) {
        try {
            socket.sendText(JSON.writeValueAsString(frame), true).get(5, TimeUnit.SECONDS);
            Thread.sleep(60); // keep the order of frames and let the server answer
            return this;
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + frame, e);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            socket.abort();
        }
    }
}
