package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.Objects;

/** A message about to be appended; the store gives it its id and seq. */
public record NewMessage(RoomName room, Username author, String authorKey, TempId tempId, MessageText text,
                         Instant timestamp) {

    public NewMessage {
        Objects.requireNonNull(room);
        Objects.requireNonNull(author);
        Objects.requireNonNull(authorKey);
        Objects.requireNonNull(tempId);
        Objects.requireNonNull(text);
        Objects.requireNonNull(timestamp);
    }
}
