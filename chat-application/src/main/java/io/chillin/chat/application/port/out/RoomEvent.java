package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;

/** What one server instance tells all instances about a room. */
public sealed interface RoomEvent {

    RoomName room();

    /** A message was durably appended. */
    record MessageAppended(ChatMessage message) implements RoomEvent {
        @Override
        public RoomName room() {
            return message.room();
        }
    }

    /** A message was edited, deleted or reacted to: {@code message} is its new state, with its new rev. */
    record MessageChanged(ChatMessage message) implements RoomEvent {
        @Override
        public RoomName room() {
            return message.room();
        }
    }

    /** A user's read marker in the room moved forward to {@code seq}: for every connection of that identity. */
    record ReadMarkerMoved(RoomName room, String identityKey, long seq) implements RoomEvent {
    }

    /** A member arrived in (first connection) or left (last connection) the room. */
    record MembershipChanged(RoomName room, Username user, boolean joined, Instant at) implements RoomEvent {
    }

    /**
     * A room was created, changed or deleted: instances drop what they cached of it; after a deletion they also tell
     * its members and detach them.
     */
    record RoomChanged(RoomName room, boolean deleted) implements RoomEvent {

        /** A room created or changed. */
        public RoomChanged(RoomName room) {
            this(room, false);
        }
    }

    /** A member started or stopped typing. */
    record TypingChanged(RoomName room, Username user, String identityKey, boolean typing) implements RoomEvent {
    }
}
