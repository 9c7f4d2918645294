package io.chillin.chat.adapter.javalin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.chillin.chat.application.port.in.RoomView;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.port.in.UserView;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.Reaction;
import io.chillin.chat.domain.message.ReplyQuote;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

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

    /** A room; the reading fields only when listed for a viewer with a token. */
    record RoomJson(String name, String description, String creator, boolean isPrivate, int memberCount,
                    Instant createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) Long lastReadSeq,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Long unread,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Long unreadMentions) {
        static RoomJson from(RoomView room) {
            RoomView.Reading r = room.reading();
            return new RoomJson(room.name().value(), room.description(), room.creator().value(), room.isPrivate(),
                    room.memberCount(), room.createdAt(), r == null ? null : r.lastReadSeq(), r == null ? null : r.unread(),
                    r == null ? null : r.unreadMentions());
        }
    }

    /**
     * A persisted message in its current state; {@code tempId} only on the sender's own copy, {@code guest} only on a
     * guest's message. The v2 fields are always there, {@code editedAt} and {@code replyTo} as null when unset.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageJson(long id, String room, long seq, String user, String text, Instant timestamp, String kind,
                       String tempId, Boolean guest, long rev,
                       @JsonInclude(JsonInclude.Include.ALWAYS) Instant editedAt, boolean deleted,
                       @JsonInclude(JsonInclude.Include.ALWAYS) ReplyJson replyTo, List<ReactionJson> reactions,
                       List<String> mentions) {

        static MessageJson from(ChatMessage m) {
            return of(m, null);
        }

        static MessageJson fromOwn(ChatMessage m) {
            return of(m, m.tempId().value());
        }

        private static MessageJson of(ChatMessage m, String tempId) {
            ReplyQuote q = m.replyTo();
            return new MessageJson(m.id(), m.room().value(), m.seq(), m.author().value(), m.text().value(), m.timestamp(),
                    "user", tempId, Identity.isGuestKey(m.authorKey()) ? Boolean.TRUE : null, m.rev(), m.editedAt(),
                    m.deleted(), q == null ? null : new ReplyJson(q.seq(), q.user().value(), q.text()),
                    m.reactions().isEmpty() ? List.of() : m.reactions().stream().map(ReactionJson::from).toList(),
                    m.mentions().isEmpty() ? List.of() : m.mentions().stream().map(Username::value).toList());
        }
    }

    /** What a reply shows of the message it answers. */
    record ReplyJson(long seq, String user, String text) {
    }

    record ReactionJson(String emoji, int count, List<String> users) {
        static ReactionJson from(Reaction r) {
            return new ReactionJson(r.emoji().value(), r.count(), r.users().stream().map(Username::value).toList());
        }
    }

    /** A live-only notice (somebody joined or left): no seq, kind {@code system}. */
    record NoticeJson(String id, String room, String user, String text, Instant timestamp, String kind) {
        static NoticeJson from(ServerEvent.SystemNotice n) {
            return new NoticeJson(n.id(), n.room().value(), "system", n.text(), n.timestamp(), "system");
        }
    }
}
