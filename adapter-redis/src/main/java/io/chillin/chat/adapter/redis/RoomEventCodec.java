package io.chillin.chat.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;

/** Room events as compact JSON on the bus, tagged with the instance that published them. */
final class RoomEventCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An event read off the bus, with its publisher. */
    record Received(String origin, RoomEvent event) {
    }

    private RoomEventCodec() {
    }

    static String encode(String origin, RoomEvent event) {
        ObjectNode node = JSON.createObjectNode().put("origin", origin).put("room", event.room().value());
        switch (event) {
            case RoomEvent.MessageAppended appended -> {
                ChatMessage m = appended.message();
                node.put("t", "message").put("id", m.id()).put("seq", m.seq()).put("author", m.author().value())
                        .put("authorKey", m.authorKey()).put("text", m.text().value())
                        .put("at", m.timestamp().toString()).put("tempId", m.tempId().value());
            }
            case RoomEvent.MembershipChanged changed -> node.put("t", "membership").put("user", changed.user().value())
                    .put("joined", changed.joined()).put("at", changed.at().toString());
            case RoomEvent.RoomChanged changed -> node.put("t", "room").put("deleted", changed.deleted());
            case RoomEvent.TypingChanged typing -> node.put("t", "typing").put("user", typing.user().value())
                    .put("key", typing.identityKey()).put("typing", typing.typing());
        }
        return node.toString();
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
            case "message" -> new RoomEvent.MessageAppended(new ChatMessage(n.path("id").asLong(), room,
                    n.path("seq").asLong(), Username.of(n.path("author").asText()), n.path("authorKey").asText(),
                    MessageText.of(n.path("text").asText()), Instant.parse(n.path("at").asText()),
                    TempId.of(n.path("tempId").asText())));
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
