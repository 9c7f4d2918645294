package io.chillin.chat.domain.room;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.Text;

/** A room's free-text description: at most 200 characters, newlines and tabs allowed; empty when none. */
public record RoomDescription(String value) {

    public static final int MAX_LENGTH = 200;
    public static final RoomDescription NONE = new RoomDescription("");

    public RoomDescription {
        value = value == null ? "" : value.strip();
        if (Text.hasControlCharacter(value, "\n\t") || Text.hasLoneSurrogate(value)) {
            throw new ChatException.Invalid("description", "description must not contain control characters");
        }
        if (Text.length(value) > MAX_LENGTH) {
            throw new ChatException.Invalid("description", "description must be at most " + MAX_LENGTH + " characters");
        }
    }

    public static RoomDescription of(String value) {
        return new RoomDescription(value);
    }
}
