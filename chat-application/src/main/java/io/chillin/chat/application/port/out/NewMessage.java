package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message about to be appended; the store gives it its id, seq and rev. {@code replyTo} is the seq of the message
 * it answers (null for none; the caller has checked it is one of the room's), {@code mentions} the registered users
 * its text mentions.
 */
public record NewMessage(RoomName room, Username author, String authorKey, TempId tempId, MessageText text,
                         Instant timestamp, Long replyTo, List<Username> mentions) {

    public NewMessage {
        Objects.requireNonNull(room);
        Objects.requireNonNull(author);
        Objects.requireNonNull(authorKey);
        Objects.requireNonNull(tempId);
        Objects.requireNonNull(text);
        Objects.requireNonNull(timestamp);
        mentions = List.copyOf(mentions);
    }

    /** A message that answers none and mentions nobody. */
    public NewMessage(RoomName room, Username author, String authorKey, TempId tempId, MessageText text,
                      Instant timestamp) {
        this(room, author, authorKey, tempId, text, timestamp, null, List.of());
    }
}
