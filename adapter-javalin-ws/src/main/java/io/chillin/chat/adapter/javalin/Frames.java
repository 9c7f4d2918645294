package io.chillin.chat.adapter.javalin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chillin.chat.adapter.javalin.WireJson.MemberJson;
import io.chillin.chat.adapter.javalin.WireJson.MessageJson;
import io.chillin.chat.application.port.in.HistoryPage;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.room.RoomName;

/** Builds the server-to-client WebSocket frames of the protocol. */
final class Frames {

    private Frames() {
    }

    private static ObjectNode frame(String type, JsonNode ref) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("type", type);
        if (ref != null) {
            node.set("ref", ref);
        }
        return node;
    }

    static String ack(JsonNode ref) {
        return Json.write(frame("ack", ref).put("ok", true));
    }

    static String pong(JsonNode ref) {
        return Json.write(frame("pong", ref));
    }

    static String error(JsonNode ref, String code, String message, String field, Long retryAfterSeconds) {
        ObjectNode node = frame("error", ref).put("code", code).put("message", message);
        if (field != null) {
            node.put("field", field);
        }
        if (retryAfterSeconds != null) {
            node.put("retryAfter", retryAfterSeconds);
        }
        return Json.write(node);
    }

    static String confirmed(JsonNode ref, ChatMessage m) {
        ObjectNode node = frame("messageConfirmed", ref)
                .put("room", m.room().value())
                .put("tempId", m.tempId().value())
                .put("id", m.id())
                .put("seq", m.seq())
                .put("timestamp", m.timestamp().toString());
        return Json.write(node);
    }

    static String history(RoomName room, HistoryPage page, String viewerKey) {
        ObjectNode node = frame("messageHistory", null).put("room", room.value());
        node.set("messages", Json.MAPPER.valueToTree(page.messages().stream()
                .map(m -> m.authorKey().equals(viewerKey) ? MessageJson.fromOwn(m) : MessageJson.from(m)).toList()));
        node.put("hasMore", page.hasMore());
        node.put("rev", page.rev());
        return Json.write(node);
    }

    /** Encodes a pushed event. The sender's own message differs (it carries the tempId), so it is built apart. */
    static String event(ServerEvent event, boolean own) {
        return switch (event) {
            case ServerEvent.MessagePosted posted -> {
                ObjectNode node = frame("message", null).put("room", posted.room().value());
                node.set("message", Json.MAPPER.valueToTree(
                        own ? MessageJson.fromOwn(posted.message()) : MessageJson.from(posted.message())));
                yield Json.write(node);
            }
            case ServerEvent.MessageUpdated updated -> {
                ObjectNode node = frame("messageUpdated", null).put("room", updated.room().value());
                node.set("message", Json.MAPPER.valueToTree(MessageJson.from(updated.message())));
                yield Json.write(node);
            }
            case ServerEvent.Mention mention -> {
                ObjectNode node = frame("mention", null).put("room", mention.room().value());
                node.set("message", Json.MAPPER.valueToTree(MessageJson.from(mention.message())));
                yield Json.write(node);
            }
            case ServerEvent.ReadMarker marker -> Json.write(frame("readMarker", null)
                    .put("room", marker.room().value())
                    .put("seq", marker.seq()));
            case ServerEvent.SystemNotice notice -> {
                ObjectNode node = frame("message", null).put("room", notice.room().value());
                node.set("message", Json.MAPPER.valueToTree(WireJson.NoticeJson.from(notice)));
                yield Json.write(node);
            }
            case ServerEvent.RoomMembers members -> {
                ObjectNode node = frame("roomData", null).put("room", members.room().value());
                node.set("users", Json.MAPPER.valueToTree(members.users().stream()
                        .map(name -> MemberJson.from(name, members.guests().contains(name))).toList()));
                node.put("memberCount", members.memberCount());
                yield Json.write(node);
            }
            case ServerEvent.RoomActivity activity -> Json.write(frame("roomActivity", null)
                    .put("room", activity.room().value())
                    .put("memberCount", activity.memberCount()));
            case ServerEvent.RoomListChanged changed -> Json.write(frame("roomListChanged", null)
                    .put("room", changed.room().value()));
            case ServerEvent.RoomDeleted deleted -> Json.write(frame("roomDeleted", null)
                    .put("room", deleted.room().value()));
            case ServerEvent.Typing typing -> Json.write(frame(typing.typing() ? "userTyping" : "userStoppedTyping", null)
                    .put("room", typing.room().value())
                    .put("user", typing.user().value()));
        };
    }
}
