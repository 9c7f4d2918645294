package io.chillin.chat.adapter.javalin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chillin.chat.application.port.in.RoomView;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.port.in.UserView;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The protocol's JSON shapes for users, rooms and messages. Never a password or hash. */
final class WireJson {

    private WireJson() {
    }

    static String avatarUrl(Username name) {
        return "/api/users/" + URLEncoder.encode(name.value(), StandardCharsets.UTF_8) + "/avatar";
    }

    record UserJson(String username, String avatarUrl, boolean guest, Instant createdAt) {
        static UserJson from(UserView user) {
            return new UserJson(user.username().value(), WireJson.avatarUrl(user.username()), user.guest(), user.createdAt());
        }
    }

    record MemberJson(String username, String avatarUrl, boolean guest) {
        static MemberJson from(Username name, boolean guest) {
            return new MemberJson(name.value(), WireJson.avatarUrl(name), guest);
        }
    }

    record RoomJson(String name, String description, String creator, boolean isPrivate, int memberCount,
                    Instant createdAt) {
        static RoomJson from(RoomView room) {
            return new RoomJson(room.name().value(), room.description(), room.creator().value(), room.isPrivate(),
                    room.memberCount(), room.createdAt());
        }
    }

    /**
     * A message; {@code seq} is absent on system notices, {@code tempId} only on the sender's own copy, {@code guest}
     * only on a guest's message.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageJson(Object id, String room, Long seq, String user, String text, Instant timestamp, String kind,
                       String tempId, Boolean guest) {

        static MessageJson from(ChatMessage m) {
            return new MessageJson(m.id(), m.room().value(), m.seq(), m.author().value(), m.text().value(), m.timestamp(),
                    "user", null, guestMark(m));
        }

        static MessageJson fromOwn(ChatMessage m) {
            return new MessageJson(m.id(), m.room().value(), m.seq(), m.author().value(), m.text().value(), m.timestamp(),
                    "user", m.tempId().value(), guestMark(m));
        }

        private static Boolean guestMark(ChatMessage m) {
            return Identity.isGuestKey(m.authorKey()) ? Boolean.TRUE : null;
        }

        static MessageJson from(ServerEvent.SystemNotice n) {
            return new MessageJson(n.id(), n.room().value(), null, "system", n.text(), n.timestamp(), "system", null, null);
        }
    }
}
