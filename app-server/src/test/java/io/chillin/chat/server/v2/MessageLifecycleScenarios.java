package io.chillin.chat.server.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The v2 rules of docs/PROTOCOL.md ("the message lifecycle, read markers and mentions"), end to end over real sockets.
 * Each party may sit on another instance: {@link #instance(int)} gives instance 0, 1 or 2, which are one server when
 * embedded and three instances of a cluster on PostgreSQL + Redis.
 */
abstract class MessageLifecycleScenarios {

    /** Instance {@code i} (0..2) of the deployment under test. */
    abstract TestServer instance(int i);

    private static final Duration QUIET = Duration.ofMillis(600);

    /** A registered user with a token, and its sockets. */
    record User(String name, String token) {
    }

    private User register(String prefix) {
        String name = TestServer.name(prefix);
        return new User(name, instance(0).http().register(name));
    }

    private WsClient connect(int instance, User user) {
        return WsClient.connect(instance(instance).port(), user.token());
    }

    /** Frames each socket received while a test waited for another one: nothing a socket gets is skipped unseen. */
    private final Map<WsClient, List<JsonNode>> seen = new HashMap<>();

    /** The first frame (seen before, or arriving next) that is {@code wanted}; the others stay to be seen. */
    private JsonNode take(WsClient socket, Predicate<JsonNode> wanted, String what) {
        List<JsonNode> earlier = seen.computeIfAbsent(socket, s -> new ArrayList<>());
        for (JsonNode f : earlier) {
            if (wanted.test(f)) {
                earlier.remove(f);
                return f;
            }
        }
        long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode f = socket.next();
            if (wanted.test(f)) {
                return f;
            }
            earlier.add(f);
        }
        throw new AssertionError("no " + what + "; got " + earlier);
    }

    /** Everything the socket got and nobody took, up to a quiet moment. */
    private List<JsonNode> rest(WsClient socket) {
        List<JsonNode> all = new ArrayList<>(seen.computeIfAbsent(socket, s -> new ArrayList<>()));
        seen.get(socket).clear();
        all.addAll(socket.quietFor(QUIET));
        return all;
    }

    private JsonNode take(WsClient socket, String type) {
        return take(socket, f -> f.path("type").asText().equals(type), "'" + type + "' frame");
    }

    private JsonNode request(WsClient socket, String ref, Object... keysAndValues) {
        Object[] frame = new Object[keysAndValues.length + 2];
        System.arraycopy(keysAndValues, 0, frame, 0, keysAndValues.length);
        frame[keysAndValues.length] = "ref";
        frame[keysAndValues.length + 1] = ref;
        socket.send(frame);
        return take(socket, f -> ref.equals(f.path("ref").asText()), "reply to " + ref);
    }

    private static void ok(JsonNode reply) {
        assertThat(reply.path("type").asText()).as("%s", reply).isIn("ack", "messageConfirmed");
    }

    private static void refused(JsonNode reply, String code) {
        assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("error");
        assertThat(reply.path("code").asText()).as("%s", reply).isEqualTo(code);
    }

    private long send(WsClient socket, String room, String text, Object... extra) {
        String tempId = TestServer.name("t");
        Object[] frame = new Object[8 + extra.length];
        System.arraycopy(new Object[] {"type", "sendMessage", "room", room, "tempId", tempId, "text", text}, 0, frame, 0, 8);
        System.arraycopy(extra, 0, frame, 8, extra.length);
        JsonNode reply = request(socket, tempId, frame);
        assertThat(reply.path("type").asText()).as("%s", reply).isEqualTo("messageConfirmed");
        return reply.path("seq").asLong();
    }

    private JsonNode nextOf(WsClient socket, String type, String room, long seq) {
        Predicate<JsonNode> wanted = f -> f.path("type").asText().equals(type) && f.path("room").asText().equals(room)
                && f.path("message").path("seq").asLong() == seq;
        return take(socket, wanted, "a " + type + " of message " + seq).path("message");
    }

    /** The revs of every messageUpdated a socket got until it was quiet, in the order they came. */
    private List<Long> updateRevs(WsClient socket) {
        List<Long> revs = new ArrayList<>();
        for (JsonNode f : rest(socket)) {
            if (f.path("type").asText().equals("messageUpdated")) {
                revs.add(f.path("message").path("rev").asLong());
            }
        }
        return revs;
    }

    @Test
    void edit_react_reply_and_delete_reach_every_member_once_in_rev_order_and_history_shows_the_current_state() {
        User alice = register("ali");
        User bob = register("bob");
        String room = TestServer.name("v2-");
        try (WsClient a = connect(0, alice); WsClient b = connect(1, bob)) {
            a.join(room);
            List<JsonNode> joined = b.join(room);
            assertThat(joined.get(1).path("rev").asLong()).isZero();

            long first = send(a, room, "hello there");
            JsonNode posted = nextOf(b, "message", room, first);
            assertThat(posted.path("rev").asLong()).isEqualTo(1);
            assertThat(posted.path("editedAt").isNull()).isTrue();
            assertThat(posted.path("deleted").asBoolean(true)).isFalse();
            assertThat(posted.path("reactions").isArray()).isTrue();
            assertThat(posted.has("replyTo") && posted.path("replyTo").isNull()).isTrue();

            long reply = send(b, room, "@" + alice.name().toUpperCase() + " hi", "replyTo", first);
            JsonNode replied = nextOf(a, "message", room, reply);
            assertThat(replied.path("replyTo").path("seq").asLong()).isEqualTo(first);
            assertThat(replied.path("replyTo").path("user").asText()).isEqualTo(alice.name());
            assertThat(replied.path("replyTo").path("text").asText()).isEqualTo("hello there");
            assertThat(replied.path("mentions").get(0).asText()).isEqualTo(alice.name());
            assertThat(replied.path("rev").asLong()).isEqualTo(2);

            ok(request(a, "e1", "type", "editMessage", "room", room, "seq", first, "text", "hello, edited"));
            ok(request(b, "r1", "type", "react", "room", room, "seq", first, "emoji", "👍", "on", true));
            ok(request(a, "r2", "type", "react", "room", room, "seq", first, "emoji", "👍", "on", true));
            ok(request(a, "r3", "type", "react", "room", room, "seq", first, "emoji", "👍", "on", true)); // no-op
            refused(request(b, "e2", "type", "editMessage", "room", room, "seq", first, "text", "not mine"), "FORBIDDEN");
            refused(request(b, "d1", "type", "deleteMessage", "room", room, "seq", first), "FORBIDDEN");
            ok(request(a, "d2", "type", "deleteMessage", "room", room, "seq", reply)); // alice made the room
            ok(request(a, "d3", "type", "deleteMessage", "room", room, "seq", reply)); // no-op

            for (WsClient member : List.of(a, b)) {
                assertThat(updateRevs(member)).as("every change once, in rev order").containsExactly(3L, 4L, 5L, 6L);
            }

            Http.Response history = instance(2).http().get("/api/rooms/" + room + "/messages", bob.token());
            assertThat(history.body().path("rev").asLong()).isEqualTo(6);
            JsonNode firstNow = history.body().path("messages").get(0);
            assertThat(firstNow.path("text").asText()).isEqualTo("hello, edited");
            assertThat(firstNow.path("editedAt").isTextual()).isTrue();
            assertThat(firstNow.path("rev").asLong()).isEqualTo(5);
            JsonNode thumbs = firstNow.path("reactions").get(0);
            assertThat(thumbs.path("emoji").asText()).isEqualTo("👍");
            assertThat(thumbs.path("count").asInt()).isEqualTo(2);
            assertThat(thumbs.path("users").toString()).isEqualTo("[\"" + bob.name() + "\",\"" + alice.name() + "\"]");
            JsonNode replyNow = history.body().path("messages").get(1);
            assertThat(replyNow.path("deleted").asBoolean()).isTrue();
            assertThat(replyNow.path("text").asText()).isEmpty();
            assertThat(replyNow.path("mentions")).isEmpty();
            assertThat(replyNow.path("replyTo").path("text").asText()).as("the quote is the current text").isEqualTo("hello, edited");
        }
    }

    @Test
    void a_client_that_rejoins_with_since_rev_gets_each_added_or_changed_message_once_in_current_state() {
        User alice = register("ali");
        User carol = register("car");
        String room = TestServer.name("v2r-");
        long first;
        long second;
        long rev;
        try (WsClient a = connect(0, alice)) {
            a.join(room);
            first = send(a, room, "one");
            second = send(a, room, "two");
            try (WsClient c = connect(1, carol)) {
                rev = c.join(room).get(1).path("rev").asLong();
                assertThat(rev).isEqualTo(2);
            }
            ok(request(a, "e", "type", "editMessage", "room", room, "seq", first, "text", "one, edited"));
            ok(request(a, "x", "type", "react", "room", room, "seq", second, "emoji", "🎉", "on", true));
            ok(request(a, "y", "type", "react", "room", room, "seq", second, "emoji", "🎉", "on", false));
            send(a, room, "three");
        }
        try (WsClient c = connect(2, carol)) {
            JsonNode history = c.join(room, "sinceRev", rev).get(1);
            assertThat(history.path("rev").asLong()).isEqualTo(6);
            assertThat(history.path("hasMore").asBoolean()).isFalse();
            List<JsonNode> messages = new ArrayList<>();
            history.path("messages").forEach(messages::add);
            assertThat(messages).extracting(m -> m.path("seq").asLong()).containsExactly(first, second, 3L);
            assertThat(messages.get(0).path("text").asText()).isEqualTo("one, edited");
            assertThat(messages.get(1).path("reactions")).isEmpty();
            assertThat(messages.get(1).path("rev").asLong()).isEqualTo(5);

            JsonNode both = request(c, "both", "type", "join", "room", room, "sinceSeq", 1, "sinceRev", 1);
            refused(both, "VALIDATION");
            assertThat(both.path("field").asText()).isEqualTo("sinceRev");
        }
    }

    @Test
    void a_mention_reaches_each_connection_of_the_user_outside_the_room_once_and_not_the_one_inside() {
        User alice = register("ali");
        User dave = register("dav");
        String room = TestServer.name("v2m-");
        try (WsClient a = connect(0, alice);
             WsClient daveInside = connect(1, dave);
             WsClient daveElsewhere = connect(2, dave);
             WsClient daveNowhere = connect(1, dave)) {
            a.join(room);
            daveInside.join(room);
            daveElsewhere.join(TestServer.name("v2other-"));

            long seq = send(a, room, "look @" + dave.name() + " and @nobody-" + dave.name() + " and x@" + dave.name());
            JsonNode inside = nextOf(daveInside, "message", room, seq);
            assertThat(inside.path("mentions").toString()).isEqualTo("[\"" + dave.name() + "\"]");
            for (WsClient outside : List.of(daveElsewhere, daveNowhere)) {
                JsonNode mention = nextOf(outside, "mention", room, seq);
                assertThat(mention.path("text").asText()).startsWith("look @");
                assertThat(rest(outside)).noneMatch(f -> f.path("type").asText().equals("mention"));
            }
            assertThat(rest(daveInside)).noneMatch(f -> f.path("type").asText().equals("mention"));

            ok(request(a, "edit", "type", "editMessage", "room", room, "seq", seq, "text", "now @" + alice.name()));
            assertThat(rest(daveNowhere)).as("an edit sends no mention")
                    .noneMatch(f -> f.path("type").asText().equals("mention"));
        }
    }

    @Test
    void a_read_marker_moves_forward_on_every_connection_of_the_user_and_the_room_list_counts_unread_from_it() {
        User alice = register("ali");
        User bob = register("bob");
        String room = TestServer.name("v2u-");
        try (WsClient a = connect(0, alice); WsClient bobHere = connect(1, bob); WsClient bobIdle = connect(2, bob)) {
            a.join(room);
            bobHere.join(room);
            send(a, room, "one");
            send(a, room, "two @" + bob.name());
            send(a, room, "three");
            send(bobHere, room, "mine");
            long deleted = send(a, room, "soon gone @" + bob.name());
            ok(request(a, "del", "type", "deleteMessage", "room", room, "seq", deleted));

            JsonNode listed = roomIn(instance(2).http().get("/api/rooms?limit=500", bob.token()).body(), room);
            assertThat(listed.path("lastReadSeq").asLong()).isZero();
            assertThat(listed.path("unread").asLong()).isEqualTo(3);
            assertThat(listed.path("unreadMentions").asLong()).isEqualTo(1);
            assertThat(roomIn(instance(2).http().get("/api/rooms?limit=500").body(), room).has("unread"))
                    .as("without a token there are no reading fields").isFalse();

            ok(request(bobHere, "m1", "type", "markRead", "room", room, "seq", 2));
            for (WsClient socket : List.of(bobHere, bobIdle)) {
                JsonNode marker = take(socket, "readMarker");
                assertThat(marker.path("room").asText()).isEqualTo(room);
                assertThat(marker.path("seq").asLong()).isEqualTo(2);
            }
            ok(request(bobHere, "m0", "type", "markRead", "room", room, "seq", 1)); // never back
            ok(request(bobHere, "m9", "type", "markRead", "room", room, "seq", 999)); // the newest
            assertThat(take(bobIdle, "readMarker").path("seq").asLong()).isEqualTo(deleted);
            assertThat(rest(bobIdle)).noneMatch(f -> f.path("type").asText().equals("readMarker"));
            assertThat(rest(a)).as("another user's marker is not news to alice")
                    .noneMatch(f -> f.path("type").asText().equals("readMarker"));

            listed = roomIn(instance(0).http().get("/api/rooms?limit=500", bob.token()).body(), room);
            assertThat(listed.path("lastReadSeq").asLong()).isEqualTo(deleted);
            assertThat(listed.path("unread").asLong()).isZero();
            refused(request(bobIdle, "out", "type", "markRead", "room", room, "seq", 1), "NOT_IN_ROOM");
        }
    }

    @Test
    void bad_v2_frames_get_a_clear_error_and_change_nothing() {
        User alice = register("ali");
        String room = TestServer.name("v2b-");
        try (WsClient a = connect(0, alice)) {
            a.join(room);
            long seq = send(a, room, "target");
            JsonNode badEmoji = request(a, "b1", "type", "react", "room", room, "seq", seq, "emoji", "a b", "on", true);
            refused(badEmoji, "VALIDATION");
            assertThat(badEmoji.path("field").asText()).isEqualTo("emoji");
            refused(request(a, "b2", "type", "react", "room", room, "seq", seq, "emoji", "x".repeat(17), "on", true), "VALIDATION");
            JsonNode badReply = request(a, "b3", "type", "sendMessage", "room", room, "tempId", "r", "text", "x", "replyTo", 99);
            refused(badReply, "VALIDATION");
            assertThat(badReply.path("field").asText()).isEqualTo("replyTo");
            refused(request(a, "b4", "type", "editMessage", "room", room, "seq", 42, "text", "x"), "NOT_FOUND");
            JsonNode emptyEdit = request(a, "b5", "type", "editMessage", "room", room, "seq", seq, "text", "   ");
            refused(emptyEdit, "VALIDATION");
            assertThat(emptyEdit.path("field").asText()).isEqualTo("text");
            refused(request(a, "b6", "type", "react", "room", room, "seq", seq, "emoji", "👍", "on", "yes"), "MALFORMED");
            refused(request(a, "b7", "type", "deleteMessage", "room", TestServer.name("elsewhere-"), "seq", seq), "NOT_IN_ROOM");
            ok(request(a, "b8", "type", "editMessage", "room", room, "seq", seq, "text", " target "));
            for (int i = 0; i < 20; i++) {
                ok(request(a, "e" + i, "type", "react", "room", room, "seq", seq, "emoji", "e" + i, "on", true));
            }
            refused(request(a, "b9", "type", "react", "room", room, "seq", seq, "emoji", "e20", "on", true), "VALIDATION");

            JsonNode stored = instance(1).http().get("/api/rooms/" + room + "/messages", alice.token()).body();
            assertThat(stored.path("rev").asLong()).as("only the 20 reactions changed the room").isEqualTo(21);
            assertThat(stored.path("messages")).hasSize(1);
            assertThat(stored.path("messages").get(0).path("editedAt").isNull()).isTrue();
        }
    }

    private static JsonNode roomIn(JsonNode list, String room) {
        for (JsonNode r : list.path("rooms")) {
            if (r.path("name").asText().equals(room)) {
                return r;
            }
        }
        throw new AssertionError("room " + room + " not listed in " + list);
    }
}
