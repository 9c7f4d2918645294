package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the core pushes to a connection, unasked. One instance is delivered to every recipient in the
 * room, so an edge may encode it once and reuse the frame.
 */
public sealed interface ServerEvent {

    RoomName room();

    /** A persisted message, delivered to every member exactly once, in seq order. */
    record MessagePosted(ChatMessage message) implements ServerEvent {
        @Override
        public RoomName room() {
            return message.room();
        }
    }

    /** A persisted message was edited, deleted or reacted to: delivered to every member once, in rev order. */
    record MessageUpdated(ChatMessage message) implements ServerEvent {
        @Override
        public RoomName room() {
            return message.room();
        }
    }

    /** This connection's user has read the room up to {@code seq} (on this or another connection). */
    record ReadMarker(RoomName room, long seq) implements ServerEvent {
    }

    /** A new message of a room this connection is not in mentions its user. */
    record Mention(ChatMessage message) implements ServerEvent {
        @Override
        public RoomName room() {
            return message.room();
        }
    }

    /** A live-only notice (somebody joined or left); never stored, has no seq. */
    record SystemNotice(RoomName room, String id, String text, Instant timestamp) implements ServerEvent {
    }

    /**
     * Who is in the room now; {@code memberCount} counts each user once; {@code guests} are those of {@code users}
     * who are guests (a name belongs to one identity at a time in a room).
     */
    record RoomMembers(RoomName room, List<Username> users, int memberCount, Set<Username> guests) implements ServerEvent {
        public RoomMembers {
            users = List.copyOf(users);
            guests = Set.copyOf(guests);
        }

        /** Members none of whom is a guest. */
        public RoomMembers(RoomName room, List<Username> users, int memberCount) {
            this(room, users, memberCount, Set.of());
        }
    }

    /** For connections watching the room list: how many distinct users are online in a room now. */
    record RoomActivity(RoomName room, int memberCount) implements ServerEvent {
    }

    /** For connections watching the room list: a room was created, changed or deleted. */
    record RoomListChanged(RoomName room) implements ServerEvent {
    }

    /** The room this connection was in has been deleted: the connection is no longer in it. */
    record RoomDeleted(RoomName room) implements ServerEvent {
    }

    /** Another member started or stopped typing. */
    record Typing(RoomName room, Username user, boolean typing) implements ServerEvent {
    }
}
