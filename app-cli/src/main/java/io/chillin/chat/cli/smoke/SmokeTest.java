package io.chillin.chat.cli.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.cli.net.FrameInbox;
import io.chillin.chat.cli.net.Frames;
import io.chillin.chat.cli.net.RestClient;
import io.chillin.chat.cli.net.ServerUrl;
import io.chillin.chat.cli.net.WsConnection;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One pass through a running server: health, register a throwaway user, create a private room, join it on two
 * connections (the user, and a guest), send, check that both get the message exactly as confirmed and that
 * the history has it; then leave, close, log out and, given a {@link Purger}, delete the user and the room.
 * Every wait is bounded by the timeout.
 */
public final class SmokeTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ServerUrl server;
    private final Duration timeout;
    private final Optional<Purger> purger;
    private final List<SmokeReport.Step> steps = new ArrayList<>();
    private boolean failed;

    public SmokeTest(ServerUrl server, Duration timeout, Optional<Purger> purger) {
        this.server = server;
        this.timeout = timeout;
        this.purger = purger;
    }

    @FunctionalInterface
    private interface Work {
        String run() throws Exception;
    }

    public SmokeReport run() {
        String suffix = Long.toString(Math.abs(RANDOM.nextLong()) % (36L * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36);
        String user = "smoke-" + suffix;
        String guest = "smokeg-" + suffix;
        String room = "smoke-" + suffix;
        String password = "pw-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        String text = "smoke test ✓ " + suffix;
        RestClient rest = new RestClient(server, timeout);
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        FrameInbox first = new FrameInbox();
        FrameInbox second = new FrameInbox();
        String[] token = new String[1];
        WsConnection[] connections = new WsConnection[2];
        long[] seq = new long[1];
        boolean[] registered = new boolean[1];
        boolean[] roomCreated = new boolean[1];

        step("server is healthy", () -> expect(rest.get("/health", null), 200).body().path("status").asText());
        step("register throwaway user " + user, () -> {
            token[0] = expect(rest.post("/api/auth/register", Frames.of("username", user, "password", password), null), 201)
                    .body().path("token").asText();
            registered[0] = true;
            return "token received";
        });
        step("create private room " + room, () -> {
            expect(rest.post("/api/rooms/create", Frames.of("name", room, "description",
                    "chillin smoke test; safe to delete", "password", password), token[0]), 201);
            roomCreated[0] = true;
            return "created";
        });
        step("first connection joins as " + user, () -> {
            connections[0] = WsConnection.open(http, server.ws(token[0]), timeout, first).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return join(connections[0], first, Frames.of("type", "join", "room", room, "password", password, "ref", "join-1"));
        });
        step("second connection joins as guest " + guest, () -> {
            connections[1] = WsConnection.open(http, server.ws(null), timeout, second).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return join(connections[1], second, Frames.of("type", "join", "room", room, "name", guest, "password", password,
                    "ref", "join-2"));
        });
        step("send a message and get it confirmed", () -> {
            connections[0].send(Frames.of("type", "sendMessage", "room", room, "tempId", "smoke-1", "text", text, "ref", "send-1"));
            JsonNode confirmed = first.await(f -> Frames.type(f).equals("messageConfirmed"), "messageConfirmed", timeout, SmokeTest::isError);
            seq[0] = confirmed.path("seq").asLong();
            return "seq " + seq[0];
        });
        step("both connections receive it as confirmed", () -> {
            for (FrameInbox inbox : List.of(first, second)) {
                JsonNode message = inbox.await(f -> Frames.type(f).equals("message")
                        && f.path("message").path("seq").asLong() == seq[0], "the message", timeout, SmokeTest::isError);
                if (!text.equals(message.path("message").path("text").asText())
                        || !user.equals(message.path("message").path("user").asText())) {
                    throw new IllegalStateException("delivered as " + message);
                }
            }
            return "delivered to 2 connections";
        });
        step("history holds the message", () -> {
            JsonNode page = expect(rest.get("/api/rooms/" + URLEncoder.encode(room, StandardCharsets.UTF_8).replace("+", "%20")
                    + "/messages", token[0]), 200).body();
            for (JsonNode m : page.path("messages")) {
                if (m.path("seq").asLong() == seq[0] && text.equals(m.path("text").asText())) {
                    return page.path("messages").size() + " message(s)";
                }
            }
            throw new IllegalStateException("not in " + page);
        });
        cleanUp("leave the room and close both connections", () -> {
            int closed = 0;
            for (int i = 0; i < 2; i++) {
                if (connections[i] != null) {
                    connections[i].send(Frames.of("type", "leave", "room", room));
                    connections[i].close();
                    closed++;
                }
            }
            return closed + " closed";
        });
        cleanUp("log out", () -> {
            if (token[0] == null) {
                return "nothing to do";
            }
            expect(rest.post("/api/auth/logout", null, token[0]), 204);
            return "token revoked";
        });
        if (purger.isPresent()) {
            cleanUp("delete the throwaway user and room from the store", () -> purger.get().purge(
                    registered[0] ? user : null, roomCreated[0] ? room : null));
        } else if (registered[0] || roomCreated[0]) {
            steps.add(new SmokeReport.Step("delete the throwaway user and room", SmokeReport.Status.NOT_RUN, 0,
                    "left on the server (no --purge): 'chillin users delete " + user + " --yes', 'chillin rooms delete "
                            + room + " --yes'"));
        }
        return new SmokeReport(server.toString(), !failed, user, room, List.copyOf(steps));
    }

    private String join(WsConnection connection, FrameInbox inbox, JsonNode frame) throws Exception {
        String ref = frame.path("ref").asText();
        connection.send(frame);
        inbox.await(f -> Frames.type(f).equals("ack") && ref.equals(f.path("ref").asText()), "ack", timeout, SmokeTest::isError);
        inbox.await(f -> Frames.type(f).equals("messageHistory"), "messageHistory", timeout, SmokeTest::isError);
        JsonNode roomData = inbox.await(f -> Frames.type(f).equals("roomData"), "roomData", timeout, SmokeTest::isError);
        return "joined; " + roomData.path("memberCount").asInt() + " member(s) online";
    }

    private static boolean isError(JsonNode frame) {
        return Frames.type(frame).equals("error");
    }

    private static RestClient.Response expect(RestClient.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected HTTP " + status + ", got " + response);
        }
        return response;
    }

    /** A step of the test proper: not run once an earlier one failed. */
    private void step(String name, Work work) {
        if (failed) {
            steps.add(new SmokeReport.Step(name, SmokeReport.Status.NOT_RUN, 0, "an earlier step failed"));
            return;
        }
        attempt(name, work);
    }

    /** A clean-up step: always run. */
    private void cleanUp(String name, Work work) {
        attempt(name, work);
    }

    private void attempt(String name, Work work) {
        long start = System.nanoTime();
        try {
            String detail = work.run();
            steps.add(new SmokeReport.Step(name, SmokeReport.Status.PASSED, elapsedMillis(start), detail));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failed = true;
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            steps.add(new SmokeReport.Step(name, SmokeReport.Status.FAILED, elapsedMillis(start),
                    cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        }
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
