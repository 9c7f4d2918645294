package io.chillin.chat.server;

import static io.chillin.chat.server.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.server.support.ServerPerClass;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every WebSocket row and rule of PROTOCOL.md against the real server over real sockets. */
class WebSocketEndToEndTest {

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    private static WsClient guest() {
        return WsClient.connect(SERVER.port());
    }

    private static String room() {
        return TestServer.name("room-");
    }

    @Test
    void join_replies_ack_then_history_then_room_data_and_echoes_ref() {
        String room = room();
        String name = TestServer.name("ann");
        try (WsClient ann = guest()) {
            ann.send("type", "join", "room", room, "name", name, "ref", "r1");
            JsonNode ack = ann.next();
            JsonNode history = ann.next();
            JsonNode roomData = ann.next();
            assertThat(ack.path("type").asText()).isEqualTo("ack");
            assertThat(ack.path("ref").asText()).isEqualTo("r1");
            assertThat(ack.path("ok").asBoolean()).isTrue();
            assertThat(history.path("type").asText()).isEqualTo("messageHistory");
            assertThat(history.path("room").asText()).isEqualTo(room);
            assertThat(history.path("messages").isArray()).isTrue();
            assertThat(history.path("hasMore").asBoolean()).isFalse();
            assertThat(roomData.path("type").asText()).isEqualTo("roomData");
            assertThat(roomData.path("memberCount").asInt()).isEqualTo(1);
            assertThat(roomData.path("users").get(0).path("username").asText()).isEqualTo(name);
            assertThat(roomData.path("users").get(0).path("avatarUrl").asText()).contains("/avatar");
        }
        assertThat(SERVER.http().get("/api/rooms").raw().body()).as("quick-join created the room").contains(room);
    }

    @Test
    void two_clients_chat_and_the_sender_gets_a_confirmation_with_its_temp_id() {
        String room = room();
        try (WsClient ann = guest(); WsClient bob = guest()) {
            ann.join(room, "name", TestServer.name("ann"));
            bob.join(room, "name", TestServer.name("bob"));
            ann.next(f -> f.path("type").asText().equals("roomData") && f.path("memberCount").asInt() == 2, "roomData with 2");

            ann.send("type", "sendMessage", "room", room, "tempId", "tmp-1", "text", "hello 😀", "ref", 7);
            JsonNode confirmed = ann.next("messageConfirmed");
            assertThat(confirmed.path("ref").asInt()).isEqualTo(7);
            assertThat(confirmed.path("tempId").asText()).isEqualTo("tmp-1");
            assertThat(confirmed.path("seq").asLong()).isEqualTo(1);
            assertThat(confirmed.path("room").asText()).isEqualTo(room);
            assertThat(confirmed.path("timestamp").asText()).endsWith("Z");

            JsonNode own = ann.next(f -> f.path("type").asText().equals("message") && f.path("message").has("seq"), "own message");
            JsonNode seen = bob.next(f -> f.path("type").asText().equals("message") && f.path("message").has("seq"), "message");
            assertThat(own.path("message").path("tempId").asText()).isEqualTo("tmp-1");
            assertThat(seen.path("message").has("tempId")).as("others do not see the tempId").isFalse();
            assertThat(seen.path("message").path("text").asText()).isEqualTo("hello 😀");
            assertThat(seen.path("message").path("kind").asText()).isEqualTo("user");
            assertThat(seen.path("message").path("id").asLong()).isEqualTo(confirmed.path("id").asLong());
        }
    }

    @Test
    void join_and_leave_notices_and_member_counts_reach_the_others() {
        String room = room();
        String bobName = TestServer.name("bob");
        try (WsClient ann = guest(); WsClient bob = guest()) {
            ann.join(room, "name", TestServer.name("ann"));
            bob.join(room, "name", bobName);
            JsonNode joined = ann.next(f -> f.path("message").path("kind").asText().equals("system")
                    && f.path("message").path("text").asText().contains(bobName), "bob's join notice");
            assertThat(joined.path("message").path("text").asText()).isEqualTo(bobName + " joined the room");
            assertThat(joined.path("message").path("user").asText()).isEqualTo("system");
            assertThat(joined.path("message").has("seq")).isFalse();

            bob.send("type", "leave", "room", room, "ref", "bye");
            assertThat(bob.next("ack").path("ref").asText()).isEqualTo("bye");
            JsonNode left = ann.next(f -> f.path("message").path("text").asText().contains("left"), "leave notice");
            assertThat(left.path("message").path("text").asText()).contains(bobName);
            JsonNode roomData = ann.next(f -> f.path("type").asText().equals("roomData") && f.path("memberCount").asInt() == 1,
                    "roomData back to 1");
            assertThat(roomData.path("users")).hasSize(1);

            bob.send("type", "leave", "room", room, "ref", "again");
            JsonNode error = bob.next("error");
            assertThat(error.path("code").asText()).isEqualTo("NOT_IN_ROOM");
            assertThat(error.path("ref").asText()).isEqualTo("again");
        }
    }

    @Test
    void typing_notices_reach_others_but_not_the_typer() {
        String room = room();
        String annName = TestServer.name("ann");
        try (WsClient ann = guest(); WsClient bob = guest()) {
            ann.join(room, "name", annName);
            bob.join(room, "name", TestServer.name("bob"));
            ann.send("type", "typing", "room", room);
            JsonNode typing = bob.next("userTyping");
            assertThat(typing.path("user").asText()).isEqualTo(annName);
            assertThat(typing.path("room").asText()).isEqualTo(room);
            ann.send("type", "stopTyping", "room", room);
            assertThat(bob.next("userStoppedTyping").path("user").asText()).isEqualTo(annName);
            assertThat(ann.quietFor(Duration.ofMillis(300)))
                    .noneMatch(f -> f.path("type").asText().startsWith("userTyping"));
        }
    }

    @Test
    void a_room_list_watcher_hears_member_counts_and_new_rooms_live() {
        String room = room();
        try (WsClient watcher = guest(); WsClient ann = guest()) {
            watcher.send("type", "watchRooms", "ref", "w");
            JsonNode ack = watcher.next();
            assertThat(ack.path("type").asText()).isEqualTo("ack");
            assertThat(ack.path("ref").asText()).isEqualTo("w");

            ann.join(room, "name", TestServer.name("ann"));
            JsonNode created = watcher.next("roomListChanged");
            assertThat(created.path("room").asText()).isEqualTo(room);
            JsonNode activity = watcher.next("roomActivity");
            assertThat(activity.path("room").asText()).isEqualTo(room);
            assertThat(activity.path("memberCount").asInt()).isEqualTo(1);

            ann.send("type", "leave", "room", room);
            assertThat(watcher.next("roomActivity").path("memberCount").asInt()).isZero();

            watcher.send("type", "unwatchRooms", "ref", "u");
            assertThat(watcher.next("ack").path("ref").asText()).isEqualTo("u");
            ann.join(room, "name", TestServer.name("ann"));
            assertThat(watcher.quietFor(Duration.ofMillis(300))).as("nothing after unwatching").isEmpty();
        }
    }

    @Test
    void ping_gets_pong_with_ref() {
        try (WsClient c = guest()) {
            c.send("type", "ping", "ref", "p1");
            JsonNode pong = c.next();
            assertThat(pong.path("type").asText()).isEqualTo("pong");
            assertThat(pong.path("ref").asText()).isEqualTo("p1");
        }
    }

    @Test
    void a_retried_send_is_confirmed_again_with_the_same_id_and_seq_and_delivered_once() {
        String room = room();
        try (WsClient ann = guest(); WsClient bob = guest()) {
            ann.join(room, "name", TestServer.name("ann"));
            bob.join(room, "name", TestServer.name("bob"));
            ann.send("type", "sendMessage", "room", room, "tempId", "same", "text", "first try");
            JsonNode first = ann.next("messageConfirmed");
            ann.send("type", "sendMessage", "room", room, "tempId", "same", "text", "edited retry");
            JsonNode second = ann.next("messageConfirmed");
            assertThat(second.path("id")).isEqualTo(first.path("id"));
            assertThat(second.path("seq")).isEqualTo(first.path("seq"));
            ann.send("type", "sendMessage", "room", room, "tempId", "next", "text", "after");
            ann.next("messageConfirmed");

            List<String> texts = new ArrayList<>();
            JsonNode m;
            do {
                m = bob.next(f -> f.path("type").asText().equals("message") && f.path("message").has("seq"), "message");
                texts.add(m.path("message").path("text").asText());
            } while (!m.path("message").path("text").asText().equals("after"));
            assertThat(texts).containsExactly("first try", "after");
        }
    }

    @Test
    void rejoining_with_since_seq_returns_exactly_what_was_missed() {
        String room = room();
        String bobName = TestServer.name("bob");
        try (WsClient ann = guest()) {
            ann.join(room, "name", TestServer.name("ann"));
            long lastSeen;
            try (WsClient bob = guest()) {
                bob.join(room, "name", bobName);
                send(ann, room, "m1");
                lastSeen = bob.next(f -> f.path("type").asText().equals("message") && f.path("message").has("seq"), "m1")
                        .path("message").path("seq").asLong();
            }
            send(ann, room, "m2");
            send(ann, room, "m3");
            try (WsClient bobAgain = guest()) {
                List<JsonNode> replies = bobAgain.join(room, "name", bobName, "sinceSeq", lastSeen);
                JsonNode history = replies.get(1);
                assertThat(history.path("type").asText()).isEqualTo("messageHistory");
                List<String> texts = new ArrayList<>();
                history.path("messages").forEach(x -> texts.add(x.path("text").asText()));
                assertThat(texts).containsExactly("m2", "m3");
                assertThat(history.path("hasMore").asBoolean()).isFalse();
                send(ann, room, "m4");
                JsonNode live = bobAgain.next(f -> f.path("type").asText().equals("message") && f.path("message").has("seq"), "m4");
                assertThat(live.path("message").path("text").asText()).as("no duplicate of m2/m3").isEqualTo("m4");
            }
        }
    }

    @Test
    void hundred_concurrent_sends_arrive_exactly_once_and_in_seq_order_at_every_member() throws Exception {
        String room = room();
        int senders = 10;
        int perSender = 10;
        List<WsClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                WsClient c = guest();
                clients.add(c);
                c.join(room, "name", TestServer.name("s" + i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < senders; i++) {
                    WsClient c = clients.get(i);
                    int sender = i;
                    done.add(pool.submit(() -> {
                        for (int k = 0; k < perSender; k++) {
                            c.send("type", "sendMessage", "room", room, "tempId", "t" + k, "text", "s" + sender + " #" + k);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            List<Long> expected = LongStream.rangeClosed(1, senders * perSender).boxed().toList();
            for (WsClient c : clients) {
                List<Long> seqs = new ArrayList<>();
                while (seqs.size() < expected.size()) {
                    JsonNode m = c.next(f -> f.path("type").asText().equals("message") && f.path("message").has("seq"), "message");
                    seqs.add(m.path("message").path("seq").asLong());
                }
                assertThat(seqs).containsExactlyElementsOf(expected);
                assertThat(c.quietFor(Duration.ofMillis(200)))
                        .noneMatch(f -> f.path("type").asText().equals("message") && f.path("message").has("seq"));
            }
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    @Test
    void the_eleventh_message_in_ten_seconds_is_rate_limited_and_not_stored() {
        String room = room();
        try (WsClient ann = guest()) {
            ann.join(room, "name", TestServer.name("ann"));
            for (int i = 1; i <= 10; i++) {
                send(ann, room, "ok " + i);
            }
            ann.send("type", "sendMessage", "room", room, "tempId", "t11", "text", "one too many", "ref", "r11");
            JsonNode error = ann.next("error");
            assertThat(error.path("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(error.path("ref").asText()).isEqualTo("r11");
            assertThat(error.path("retryAfter").asInt()).isBetween(1, 10);
        }
        JsonNode page = SERVER.http().get("/api/rooms/" + room + "/messages").body();
        assertThat(page.path("messages")).hasSize(10);
    }

    @Test
    void a_display_name_present_in_the_room_is_name_taken_for_another_identity() {
        String room = room();
        String name = TestServer.name("dup");
        try (WsClient first = guest(); WsClient second = guest()) {
            first.join(room, "name", name);
            second.send("type", "join", "room", room, "name", name.toUpperCase());
            assertThat(second.next("error").path("code").asText()).isEqualTo("NAME_TAKEN");
            List<JsonNode> retry = second.join(room, "name", TestServer.name("other"));
            assertThat(retry.get(0).path("type").asText()).as("a refused guest picks another name").isEqualTo("ack");
        }
    }

    @Test
    void one_registered_user_on_two_connections_counts_once_and_is_not_name_taken() {
        String room = room();
        String token = SERVER.http().register(TestServer.name("tabs"));
        try (WsClient tab1 = WsClient.connect(SERVER.port(), token); WsClient tab2 = WsClient.connect(SERVER.port(), token)) {
            tab1.join(room);
            List<JsonNode> second = tab2.join(room);
            assertThat(second.get(0).path("type").asText()).isEqualTo("ack");
            assertThat(second.get(2).path("memberCount").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_guest_cannot_take_a_registered_users_name() {
        String name = TestServer.name("reg");
        SERVER.http().register(name);
        try (WsClient impostor = guest()) {
            impostor.send("type", "join", "room", room(), "name", name);
            assertThat(impostor.next("error").path("code").asText()).isEqualTo("NAME_TAKEN");
        }
    }

    @Test
    void private_rooms_need_their_password_over_the_websocket_too() {
        String token = SERVER.http().register(TestServer.name("owner"));
        String room = TestServer.name("private-");
        SERVER.http().post("/api/rooms/create", json("name", room, "password", "letmein"), token);
        try (WsClient c = guest()) {
            c.send("type", "join", "room", room, "name", TestServer.name("g"), "password", "nope!!");
            assertThat(c.next("error").path("code").asText()).isEqualTo("FORBIDDEN");
            c.send("type", "join", "room", room, "name", TestServer.name("g"));
            assertThat(c.next("error").path("code").asText()).isEqualTo("FORBIDDEN");
            c.send("type", "sendMessage", "room", room, "tempId", "x", "text", "sneaky");
            assertThat(c.next("error").path("code").asText()).isIn("NOT_IN_ROOM", "UNAUTHORIZED");
            List<JsonNode> ok = c.join(room, "name", TestServer.name("g"), "password", "letmein");
            assertThat(ok.get(0).path("type").asText()).isEqualTo("ack");
        }
    }

    @Test
    void sending_to_a_room_not_joined_is_not_in_room_and_stores_nothing() {
        String room = room();
        String other = room();
        try (WsClient c = guest()) {
            c.join(room, "name", TestServer.name("n"));
            SERVER.http().post("/api/rooms/create", json("name", other), SERVER.http().register(TestServer.name("cr")));
            c.send("type", "sendMessage", "room", other, "tempId", "x", "text", "hi");
            assertThat(c.next("error").path("code").asText()).isEqualTo("NOT_IN_ROOM");
        }
        assertThat(SERVER.http().get("/api/rooms/" + other + "/messages").body().path("messages")).isEmpty();
    }

    @Test
    void invalid_message_text_is_validation_with_the_field() {
        String room = room();
        try (WsClient c = guest()) {
            c.join(room, "name", TestServer.name("v"));
            c.send("type", "sendMessage", "room", room, "tempId", "a", "text", "   ");
            JsonNode empty = c.next("error");
            assertThat(empty.path("code").asText()).isEqualTo("VALIDATION");
            assertThat(empty.path("field").asText()).isEqualTo("text");
            c.send("type", "sendMessage", "room", room, "tempId", "b", "text", "x".repeat(501));
            assertThat(c.next("error").path("field").asText()).isEqualTo("text");
            c.send("type", "sendMessage", "room", room, "tempId", "c", "text", "😀".repeat(500));
            assertThat(c.next("messageConfirmed").path("seq").asLong()).isEqualTo(1);
        }
    }

    @Test
    void the_upgrade_checks_origin_and_token() {
        assertThatThrownBy(() -> WsClient.connect(SERVER.port(), null, "http://evil.example"))
                .isInstanceOfSatisfying(WsClient.UpgradeRefused.class, e -> assertThat(e.status).isEqualTo(403));
        assertThatThrownBy(() -> WsClient.connect(SERVER.port(), "forged-token"))
                .isInstanceOfSatisfying(WsClient.UpgradeRefused.class, e -> assertThat(e.status).isEqualTo(401));
        try (WsClient allowed = WsClient.connect(SERVER.port(), null, "http://localhost:3000");
             WsClient own = WsClient.connect(SERVER.port(), null, "http://127.0.0.1:" + SERVER.port())) {
            allowed.send("type", "ping");
            own.send("type", "ping");
            assertThat(allowed.next().path("type").asText()).isEqualTo("pong");
            assertThat(own.next().path("type").asText()).isEqualTo("pong");
        }
    }

    @Test
    void with_a_token_the_token_name_is_used_whatever_name_is_given() {
        String name = TestServer.name("tok");
        String token = SERVER.http().register(name);
        try (WsClient c = WsClient.connect(SERVER.port(), token)) {
            List<JsonNode> replies = c.join(room(), "name", "someone_else");
            assertThat(replies.get(2).path("users").get(0).path("username").asText()).isEqualTo(name);
        }
    }

    static void send(WsClient client, String room, String text) {
        client.send("type", "sendMessage", "room", room, "tempId", TestServer.name("t"), "text", text);
        client.next("messageConfirmed");
    }
}
