package io.chillin.chat.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.Emoji;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.Reaction;
import io.chillin.chat.domain.message.ReplyQuote;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Room events as compact JSON on the bus, tagged with the instance that published them. */
final class RoomEventCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An event read off the bus, with its publisher. */
    record Received(String origin, RoomEvent event) {
    }

    private RoomEventCodec() {
    }

    /**
     * Whether {@code text} was published by {@code origin}, told from its first characters: every event begins with its
     * origin (see {@link #encode}), and each instance hears its own events back from Redis, one per send, which need
     * no parsing to be dropped. A text that does not begin so is simply not known to be from {@code origin}.
     */
    static boolean isFrom(String text, String origin) {
        return text.startsWith(ORIGIN_FIELD) && text.startsWith(origin, ORIGIN_FIELD.length())
                && text.startsWith("\"", ORIGIN_FIELD.length() + origin.length());
    }

    private static final String ORIGIN_FIELD = "{\"origin\":\"";

    /** The event as JSON whose first field is the origin: {@link #isFrom} relies on it. */
    static String encode(String origin, RoomEvent event) {
        ObjectNode node = JSON.createObjectNode().put("origin", origin).put("room", event.room().value());
        switch (event) {
            case RoomEvent.MessageAppended appended -> putMessage(node.put("t", "message"), appended.message());
            case RoomEvent.MessageChanged changed -> putMessage(node.put("t", "changed"), changed.message());
            case RoomEvent.ReadMarkerMoved moved -> node.put("t", "read").put("key", moved.identityKey())
                    .put("seq", moved.seq());
            case RoomEvent.MembershipChanged changed -> node.put("t", "membership").put("user", changed.user().value())
                    .put("joined", changed.joined()).put("at", changed.at().toString());
            case RoomEvent.RoomChanged changed -> node.put("t", "room").put("deleted", changed.deleted());
            case RoomEvent.TypingChanged typing -> node.put("t", "typing").put("user", typing.user().value())
                    .put("key", typing.identityKey()).put("typing", typing.typing());
        }
        return node.toString();
    }

    /** A message in its current state; the v2 fields only when set, so a plain message stays as small as before. */
    private static void putMessage(ObjectNode node, ChatMessage m) {
        node.put("id", m.id()).put("seq", m.seq()).put("author", m.author().value())
                .put("authorKey", m.authorKey()).put("text", m.text().value())
                .put("at", m.timestamp().toString()).put("tempId", m.tempId().value()).put("rev", m.rev());
        if (m.editedAt() != null) {
            node.put("editedAt", m.editedAt().toString());
        }
        if (m.deleted()) {
            node.put("deleted", true);
        }
        if (m.replyTo() != null) {
            node.putObject("replyTo").put("seq", m.replyTo().seq()).put("user", m.replyTo().user().value())
                    .put("text", m.replyTo().text());
        }
        if (!m.reactions().isEmpty()) {
            ArrayNode reactions = node.putArray("reactions");
            for (Reaction r : m.reactions()) {
                ArrayNode users = reactions.addObject().put("emoji", r.emoji().value()).putArray("users");
                r.users().forEach(u -> users.add(u.value()));
            }
        }
        if (!m.mentions().isEmpty()) {
            ArrayNode mentions = node.putArray("mentions");
            m.mentions().forEach(u -> mentions.add(u.value()));
        }
    }

    private static ChatMessage message(JsonNode n, RoomName room) {
        JsonNode reply = n.path("replyTo");
        ReplyQuote quote = reply.isObject() ? new ReplyQuote(reply.path("seq").asLong(),
                Username.of(reply.path("user").asText()), reply.path("text").asText()) : null;
        List<Reaction> reactions = new ArrayList<>();
        for (JsonNode r : n.path("reactions")) {
            List<Username> users = new ArrayList<>();
            r.path("users").forEach(u -> users.add(Username.of(u.asText())));
            reactions.add(new Reaction(Emoji.of(r.path("emoji").asText()), users));
        }
        List<Username> mentions = new ArrayList<>();
        n.path("mentions").forEach(u -> mentions.add(Username.of(u.asText())));
        long seq = n.path("seq").asLong();
        return new ChatMessage(n.path("id").asLong(), room, seq, Username.of(n.path("author").asText()),
                n.path("authorKey").asText(), MessageText.stored(n.path("text").asText()),
                Instant.parse(n.path("at").asText()), TempId.of(n.path("tempId").asText()), n.path("rev").asLong(seq),
                n.hasNonNull("editedAt") ? Instant.parse(n.path("editedAt").asText()) : null,
                n.path("deleted").asBoolean(false), quote, reactions, mentions);
    }

    /** @throws IllegalArgumentException for anything that is not an event this codec wrote */
    static Received decode(String text) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a room event", e);
        }
        RoomName room = RoomName.of(n.path("room").asText());
        RoomEvent event = switch (n.path("t").asText()) {
            case "message" -> new RoomEvent.MessageAppended(message(n, room));
            case "changed" -> new RoomEvent.MessageChanged(message(n, room));
            case "read" -> new RoomEvent.ReadMarkerMoved(room, n.path("key").asText(), n.path("seq").asLong());
            case "membership" -> new RoomEvent.MembershipChanged(room, Username.of(n.path("user").asText()),
                    n.path("joined").asBoolean(), Instant.parse(n.path("at").asText()));
            case "room" -> new RoomEvent.RoomChanged(room, n.path("deleted").asBoolean(false));
            case "typing" -> new RoomEvent.TypingChanged(room, Username.of(n.path("user").asText()),
                    n.path("key").asText(), n.path("typing").asBoolean());
            default -> throw new IllegalArgumentException("unknown event type " + n.path("t"));
        };
        return new Received(n.path("origin").asText(), event);
    }
}
