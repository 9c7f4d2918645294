package io.chillin.chat.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A registered member that behaves like the browser client: when its connection drops it reconnects
 * (through nginx) and joins again with {@code sinceSeq} = the last seq it saw. It records every seq it
 * is shown, live or as history, so a test can check for loss, duplicates and order.
 */
final class ResumingMember {

    private final int port;
    private final String token;
    private final String room;
    private final List<Long> seen = new ArrayList<>();
    private WsClient client;
    private int reconnects;

    ResumingMember(int port, String token, String room) {
        this.port = port;
        this.token = token;
        this.room = room;
        this.client = WsClient.connect(port, token);
        record(client.join(room).get(1));
    }

    /** Reads what has arrived for up to {@code time}; reconnects and resumes when the connection is gone. */
    void pump(Duration time) {
        if (client.isClosed()) {
            resume();
            return;
        }
        for (JsonNode frame : client.quietFor(time)) {
            if (frame.path("type").asText().equals("message") && frame.path("message").has("seq")) {
                seen.add(frame.path("message").path("seq").asLong());
            }
        }
    }

    private void resume() {
        long since = lastSeq();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                client = WsClient.connect(port, token);
                record(client.join(room, "sinceSeq", since).get(1));
                reconnects++;
                return;
            } catch (RuntimeException | AssertionError stillDown) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not resume within 30 s", stillDown);
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    private void record(JsonNode history) {
        if (!history.path("type").asText().equals("messageHistory")) {
            throw new AssertionError("expected messageHistory, got " + history);
        }
        history.path("messages").forEach(m -> seen.add(m.path("seq").asLong()));
    }

    long lastSeq() {
        return seen.isEmpty() ? 0 : seen.getLast();
    }

    List<Long> seen() {
        return List.copyOf(seen);
    }

    int reconnects() {
        return reconnects;
    }

    void close() {
        client.close();
    }
}
