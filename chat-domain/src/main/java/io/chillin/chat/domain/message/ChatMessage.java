package io.chillin.chat.domain.message;

import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.Objects;

/**
 * A persisted message. {@code seq} numbers a room's messages 1, 2, 3, ... without gaps;
 * {@code authorKey} is the author's identity key (see {@code Identity}), and with {@code tempId}
 * the sender's own id for the message, it makes a retried send idempotent.
 */
public record ChatMessage(long id, RoomName room, long seq, Username author, String authorKey, MessageText text,
                          Instant timestamp, TempId tempId) {

    public ChatMessage {
        Objects.requireNonNull(room);
        Objects.requireNonNull(author);
        Objects.requireNonNull(authorKey);
        Objects.requireNonNull(text);
        Objects.requireNonNull(timestamp);
        Objects.requireNonNull(tempId);
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1");
        }
    }
}
