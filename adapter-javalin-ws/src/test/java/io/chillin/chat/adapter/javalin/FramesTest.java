package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chillin.chat.application.port.in.HistoryPage;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.ReplyQuote;
import io.chillin.chat.domain.message.Reaction;
import io.chillin.chat.domain.message.Emoji;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The server-to-client frames, field for field as PROTOCOL.md writes them, and their encode-once cache. */
class FramesTest {

    private static final Instant AT = Instant.parse("2025-03-01T12:34:56.789123Z");

    @Test
    void ack_echoes_the_ref_and_says_ok() {
        JsonNode withText = parse(Frames.ack(TextNode.valueOf("r-1")));
        JsonNode withNumber = parse(Frames.ack(IntNode.valueOf(7)));
        JsonNode without = parse(Frames.ack(null));

        assertThat(fieldNames(withText)).containsExactlyInAnyOrder("type", "ref", "ok");
        assertThat(withText.path("type").asText()).isEqualTo("ack");
        assertThat(withText.path("ref").asText()).isEqualTo("r-1");
        assertThat(withText.path("ok").isBoolean()).isTrue();
        assertThat(withText.path("ok").booleanValue()).isTrue();
        assertThat(withNumber.path("ref").isIntegralNumber()).isTrue();
        assertThat(withNumber.path("ref").intValue()).isEqualTo(7);
        assertThat(fieldNames(without)).containsExactlyInAnyOrder("type", "ok");
    }

    @Test
    void pong_echoes_the_ref() {
        JsonNode pong = parse(Frames.pong(TextNode.valueOf("p")));

        assertThat(fieldNames(pong)).containsExactlyInAnyOrder("type", "ref");
        assertThat(pong.path("type").asText()).isEqualTo("pong");
        assertThat(fieldNames(parse(Frames.pong(null)))).containsExactly("type");
    }

    @Test
    void error_carries_code_and_message_and_the_ref_and_field_only_when_known() {
        JsonNode full = parse(Frames.error(TextNode.valueOf("s-1"), "VALIDATION", "too long", "text", null));
        JsonNode bare = parse(Frames.error(null, "MALFORMED", "not valid JSON", null, null));

        assertThat(fieldNames(full)).containsExactlyInAnyOrder("type", "ref", "code", "message", "field");
        assertThat(full.path("type").asText()).isEqualTo("error");
        assertThat(full.path("ref").asText()).isEqualTo("s-1");
        assertThat(full.path("code").asText()).isEqualTo("VALIDATION");
        assertThat(full.path("message").asText()).isEqualTo("too long");
        assertThat(full.path("field").asText()).isEqualTo("text");
        assertThat(fieldNames(bare)).containsExactlyInAnyOrder("type", "code", "message");
    }

    @Test
    void rate_limited_error_tells_when_to_retry() {
        JsonNode limited = parse(Frames.error(TextNode.valueOf("s-2"), "RATE_LIMITED", "slow down", null, 3L));

        assertThat(limited.path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(limited.path("retryAfter").isIntegralNumber()).isTrue();
        assertThat(limited.path("retryAfter").longValue()).isEqualTo(3);
    }

    @Test
    void message_confirmed_names_room_temp_id_id_seq_and_an_iso_utc_timestamp() {
        ChatMessage m = message(41, "lobby", 12, "alice", "hello", "tmp-1");

        JsonNode confirmed = parse(Frames.confirmed(TextNode.valueOf("s-3"), m));

        assertThat(fieldNames(confirmed)).containsExactlyInAnyOrder("type", "ref", "room", "tempId", "id", "seq", "timestamp");
        assertThat(confirmed.path("type").asText()).isEqualTo("messageConfirmed");
        assertThat(confirmed.path("ref").asText()).isEqualTo("s-3");
        assertThat(confirmed.path("room").asText()).isEqualTo("lobby");
        assertThat(confirmed.path("tempId").asText()).isEqualTo("tmp-1");
        assertThat(confirmed.path("id").asLong()).isEqualTo(41);
        assertThat(confirmed.path("seq").isIntegralNumber()).isTrue();
        assertThat(confirmed.path("seq").asLong()).isEqualTo(12);
        assertIsoUtc(confirmed.path("timestamp"), AT);
    }

    @Test
    void message_to_other_members_has_exactly_the_protocol_fields_and_no_temp_id() {
        ChatMessage m = message(5, "lobby", 3, "Alice", "hi \"there\" </script> 🎉", "tmp-9");

        JsonNode frame = parse(Frames.event(new ServerEvent.MessagePosted(m), false));

        assertThat(fieldNames(frame)).containsExactlyInAnyOrder("type", "room", "message");
        assertThat(frame.path("type").asText()).isEqualTo("message");
        assertThat(frame.path("room").asText()).isEqualTo("lobby");
        JsonNode message = frame.path("message");
        assertThat(fieldNames(message)).containsExactlyInAnyOrder("id", "room", "seq", "user", "text", "timestamp", "kind",
                "rev", "editedAt", "deleted", "replyTo", "reactions", "mentions");
        assertThat(message.path("id").asLong()).isEqualTo(5);
        assertThat(message.path("room").asText()).isEqualTo("lobby");
        assertThat(message.path("seq").asLong()).isEqualTo(3);
        assertThat(message.path("user").isTextual()).as("user is the author's username string").isTrue();
        assertThat(message.path("user").asText()).isEqualTo("Alice");
        assertThat(message.path("text").asText()).isEqualTo("hi \"there\" </script> 🎉");
        assertThat(message.path("kind").asText()).isEqualTo("user");
        assertIsoUtc(message.path("timestamp"), AT);
    }

    @Test
    void senders_own_copy_of_a_message_adds_its_temp_id() {
        ChatMessage m = message(6, "lobby", 4, "alice", "mine", "tmp-own");

        JsonNode message = parse(Frames.event(new ServerEvent.MessagePosted(m), true)).path("message");

        assertThat(fieldNames(message))
                .containsExactlyInAnyOrder("id", "room", "seq", "user", "text", "timestamp", "kind", "tempId", "rev", "editedAt", "deleted", "replyTo", "reactions", "mentions");
        assertThat(message.path("tempId").asText()).isEqualTo("tmp-own");
    }

    @Test
    void system_notice_is_a_message_of_kind_system_without_seq() {
        ServerEvent notice = new ServerEvent.SystemNotice(RoomName.of("lobby"), "system-1", "alice joined the room", AT);

        JsonNode frame = parse(Frames.event(notice, false));

        assertThat(frame.path("type").asText()).isEqualTo("message");
        assertThat(frame.path("room").asText()).isEqualTo("lobby");
        JsonNode message = frame.path("message");
        assertThat(fieldNames(message)).containsExactlyInAnyOrder("id", "room", "user", "text", "timestamp", "kind");
        assertThat(message.path("kind").asText()).isEqualTo("system");
        assertThat(message.path("text").asText()).isEqualTo("alice joined the room");
        assertIsoUtc(message.path("timestamp"), AT);
    }

    @Test
    void room_data_and_messages_mark_guests() {
        ServerEvent members = new ServerEvent.RoomMembers(RoomName.of("lobby"),
                List.of(Username.of("alice"), Username.of("visitor")), 2, java.util.Set.of(Username.of("visitor")));
        JsonNode frame = parse(Frames.event(members, false));
        assertThat(frame.path("users").get(0).path("guest").asBoolean()).isFalse();
        assertThat(frame.path("users").get(1).path("guest").asBoolean()).isTrue();

        ChatMessage byGuest = new ChatMessage(7, RoomName.of("lobby"), 3, Username.of("visitor"), "guest:abc",
                MessageText.of("hi"), AT, TempId.of("t1"));
        ChatMessage byUser = new ChatMessage(8, RoomName.of("lobby"), 4, Username.of("alice"), "user:alice",
                MessageText.of("hello"), AT, TempId.of("t2"));
        assertThat(parse(Frames.event(new ServerEvent.MessagePosted(byGuest), false)).path("message").path("guest")
                .asBoolean()).isTrue();
        assertThat(parse(Frames.event(new ServerEvent.MessagePosted(byUser), false)).path("message").has("guest"))
                .as("no mark on a registered user's message").isFalse();
    }

    @Test
    void room_data_lists_users_with_avatar_urls_and_the_member_count() {
        ServerEvent members = new ServerEvent.RoomMembers(RoomName.of("Café"),
                List.of(Username.of("alice"), Username.of("Bob_2")), 2);

        JsonNode frame = parse(Frames.event(members, false));

        assertThat(fieldNames(frame)).containsExactlyInAnyOrder("type", "room", "users", "memberCount");
        assertThat(frame.path("type").asText()).isEqualTo("roomData");
        assertThat(frame.path("room").asText()).isEqualTo("Café");
        assertThat(frame.path("memberCount").isIntegralNumber()).isTrue();
        assertThat(frame.path("memberCount").asInt()).isEqualTo(2);
        assertThat(frame.path("users")).hasSize(2);
        for (JsonNode user : frame.path("users")) {
            assertThat(fieldNames(user)).containsExactlyInAnyOrder("username", "avatarUrl", "guest");
        }
        assertThat(frame.path("users").get(0).path("username").asText()).isEqualTo("alice");
        assertThat(frame.path("users").get(1).path("username").asText()).isEqualTo("Bob_2");
        assertThat(frame.path("users").get(1).path("avatarUrl").asText()).isEqualTo("/api/users/Bob_2/avatar");
    }

    @Test
    void typing_notices_name_the_room_and_the_user() {
        RoomName room = RoomName.of("lobby");
        JsonNode typing = parse(Frames.event(new ServerEvent.Typing(room, Username.of("alice"), true), false));
        JsonNode stopped = parse(Frames.event(new ServerEvent.Typing(room, Username.of("alice"), false), false));

        assertThat(fieldNames(typing)).containsExactlyInAnyOrder("type", "room", "user");
        assertThat(typing.path("type").asText()).isEqualTo("userTyping");
        assertThat(typing.path("user").asText()).isEqualTo("alice");
        assertThat(typing.path("room").asText()).isEqualTo("lobby");
        assertThat(fieldNames(stopped)).containsExactlyInAnyOrder("type", "room", "user");
        assertThat(stopped.path("type").asText()).isEqualTo("userStoppedTyping");
    }

    @Test
    void message_history_keeps_the_order_given_and_says_whether_more_exist() {
        ChatMessage first = message(1, "lobby", 1, "alice", "one", "a-1");
        ChatMessage second = message(2, "lobby", 2, "bob", "two", "b-1");
        String viewer = Identity.registered(Username.of("bob")).key();

        JsonNode frame = parse(Frames.history(RoomName.of("lobby"), new HistoryPage(List.of(first, second), true), viewer));

        assertThat(fieldNames(frame)).containsExactlyInAnyOrder("type", "room", "messages", "hasMore", "rev");
        assertThat(frame.path("type").asText()).isEqualTo("messageHistory");
        assertThat(frame.path("room").asText()).isEqualTo("lobby");
        assertThat(frame.path("hasMore").isBoolean()).isTrue();
        assertThat(frame.path("hasMore").booleanValue()).isTrue();
        JsonNode messages = frame.path("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).path("seq").asLong()).isEqualTo(1);
        assertThat(messages.get(1).path("seq").asLong()).isEqualTo(2);
        assertThat(fieldNames(messages.get(0))).as("another member's message carries no tempId")
                .containsExactlyInAnyOrder("id", "room", "seq", "user", "text", "timestamp", "kind", "rev", "editedAt", "deleted", "replyTo", "reactions", "mentions");
        assertIsoUtc(messages.get(0).path("timestamp"), AT);
        assertThat(parse(Frames.history(RoomName.of("lobby"), new HistoryPage(List.of(), false), viewer))
                .path("messages")).isEmpty();
    }

    @Test
    void frame_cache_hands_every_member_the_same_frame_instance_but_the_sender_its_own() {
        ChatMessage m = message(8, "lobby", 5, "alice", "cached", "tmp-c");
        ServerEvent event = new ServerEvent.MessagePosted(m);

        EncodedFrame forFirst = FrameCache.encode(event, false);
        EncodedFrame forSender = FrameCache.encode(event, true);
        EncodedFrame forThird = FrameCache.encode(event, false);

        assertThat(forThird).as("encoded once per event, not once per recipient").isSameAs(forFirst);
        assertThat(forSender.text()).isNotEqualTo(forFirst.text());
        assertThat(parse(forSender.text()).path("message").path("tempId").asText()).isEqualTo("tmp-c");
        assertThat(parse(forFirst.text()).path("message").has("tempId")).isFalse();
        assertThat(forFirst.text()).isEqualTo(Frames.event(event, false));
    }

    @Test
    void frame_cache_encodes_a_join_once_though_each_member_gets_its_notice_and_member_list_in_turn() {
        ServerEvent notice = new ServerEvent.SystemNotice(RoomName.of("lobby"), "system-9", "bob joined the room", AT);
        ServerEvent members = new ServerEvent.RoomMembers(RoomName.of("lobby"), List.of(Username.of("bob")), 1);
        EncodedFrame firstNotice = FrameCache.encode(notice, false);
        EncodedFrame firstMembers = FrameCache.encode(members, false);

        for (int member = 1; member < 25; member++) {
            assertThat(FrameCache.encode(notice, false)).as("notice for member %d", member).isSameAs(firstNotice);
            assertThat(FrameCache.encode(members, false)).as("member list for member %d", member).isSameAs(firstMembers);
        }
        ServerEvent posted = new ServerEvent.MessagePosted(message(11, "lobby", 8, "bob", "mine", "tmp-m"));
        assertThat(FrameCache.encode(posted, true)).as("the sender's own copy, cached too").isSameAs(FrameCache.encode(posted, true));
    }

    @Test
    void frame_cache_never_serves_one_events_frame_for_another() {
        ServerEvent typing = new ServerEvent.Typing(RoomName.of("lobby"), Username.of("alice"), true);
        ServerEvent stopped = new ServerEvent.Typing(RoomName.of("lobby"), Username.of("alice"), false);
        ServerEvent message = new ServerEvent.MessagePosted(message(9, "lobby", 6, "bob", "next", "tmp-n"));

        List<ServerEvent> events = List.of(typing, typing, stopped, message, typing);
        List<EncodedFrame> frames = events.stream().map(e -> FrameCache.encode(e, false)).toList();

        assertThat(frames.get(1)).isSameAs(frames.get(0));
        for (int i = 0; i < events.size(); i++) {
            assertThat(frames.get(i).text()).as("frame %d", i).isEqualTo(Frames.event(events.get(i), false));
        }
    }

    @Test
    void frame_cache_gives_another_thread_a_correct_frame() {
        ServerEvent event = new ServerEvent.MessagePosted(message(10, "lobby", 7, "carol", "threads", "tmp-t"));
        String here = FrameCache.encode(event, false).text();

        String there = CompletableFuture.supplyAsync(() -> FrameCache.encode(event, false).text()).join();

        assertThat(there).isEqualTo(here);
    }

    @Test
    void every_write_reads_its_own_view_of_a_shared_frame() {
        EncodedFrame frame = EncodedFrame.of("{\"text\":\"héllo 👋\"}");
        java.nio.ByteBuffer first = frame.payload();
        java.nio.ByteBuffer second = frame.payload();

        first.get(new byte[first.remaining()]); // one socket writes its copy out

        assertThat(second.remaining()).as("the other recipient's view is untouched").isEqualTo(first.limit());
        assertThat(second.isReadOnly()).isTrue();
        assertThat(frame.text()).isEqualTo("{\"text\":\"héllo 👋\"}");
    }

    private static ChatMessage message(long id, String room, long seq, String author, String text, String tempId) {
        Username name = Username.of(author);
        return new ChatMessage(id, RoomName.of(room), seq, name, Identity.registered(name).key(), MessageText.of(text),
                AT, TempId.of(tempId));
    }

    private static void assertIsoUtc(JsonNode timestamp, Instant expected) {
        assertThat(timestamp.isTextual()).as("timestamp %s is a string", timestamp).isTrue();
        assertThat(timestamp.asText()).as("ISO-8601 in UTC").endsWith("Z");
        assertThat(Instant.parse(timestamp.asText())).isEqualTo(expected);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode parse(String frame) {
        return EdgeHarness.parse(frame);
    }

    @Test
    void a_new_message_carries_the_v2_fields_with_their_empty_values() {
        JsonNode message = parse(Frames.event(new ServerEvent.MessagePosted(message(7, "lobby", 5, "alice", "new", "t")), false))
                .path("message");
        assertThat(message.path("rev").asLong()).isEqualTo(5);
        assertThat(message.path("editedAt").isNull()).isTrue();
        assertThat(message.path("deleted").isBoolean()).isTrue();
        assertThat(message.path("deleted").booleanValue()).isFalse();
        assertThat(message.path("replyTo").isNull()).isTrue();
        assertThat(message.path("reactions").isArray()).isTrue();
        assertThat(message.path("reactions")).isEmpty();
        assertThat(message.path("mentions")).isEmpty();
    }

    @Test
    void an_updated_message_is_sent_whole_with_its_reply_quote_reactions_and_mentions() {
        ChatMessage m = new ChatMessage(8, RoomName.of("lobby"), 6, Username.of("bob"), "user:bob", MessageText.of("hey @alice"),
                AT, TempId.of("t"), 9, AT.plusSeconds(1), false,
                new ReplyQuote(2, Username.of("alice"), "quoted"),
                List.of(new Reaction(Emoji.of("👍"), List.of(Username.of("carol"), Username.of("alice")))),
                List.of(Username.of("alice")));

        JsonNode frame = parse(Frames.event(new ServerEvent.MessageUpdated(m), false));

        assertThat(fieldNames(frame)).containsExactlyInAnyOrder("type", "room", "message");
        assertThat(frame.path("type").asText()).isEqualTo("messageUpdated");
        JsonNode message = frame.path("message");
        assertThat(message.path("rev").asLong()).isEqualTo(9);
        assertIsoUtc(message.path("editedAt"), AT.plusSeconds(1));
        assertThat(message.path("replyTo").toString()).isEqualTo("{\"seq\":2,\"user\":\"alice\",\"text\":\"quoted\"}");
        assertThat(message.path("reactions").toString())
                .isEqualTo("[{\"emoji\":\"👍\",\"count\":2,\"users\":[\"carol\",\"alice\"]}]");
        assertThat(message.path("mentions").toString()).isEqualTo("[\"alice\"]");
        assertThat(parse(Frames.event(new ServerEvent.Mention(m), false)).path("type").asText()).isEqualTo("mention");
    }

    @Test
    void a_read_marker_names_the_room_and_the_seq() {
        JsonNode frame = parse(Frames.event(new ServerEvent.ReadMarker(RoomName.of("lobby"), 12), false));
        assertThat(fieldNames(frame)).containsExactlyInAnyOrder("type", "room", "seq");
        assertThat(frame.path("type").asText()).isEqualTo("readMarker");
        assertThat(frame.path("seq").asLong()).isEqualTo(12);
    }
}
