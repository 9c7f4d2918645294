package io.chillin.chat.domain.message;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.Text;

/** The sender's own id for a message it sends, making a retried send idempotent: 1..64 printable characters. */
public record TempId(String value) {

    public static final int MAX_LENGTH = 64;

    public TempId {
        Text.required(value, "tempId");
        if (value.isBlank() || Text.length(value) > MAX_LENGTH || Text.hasControlCharacter(value, "")
                || Text.hasLoneSurrogate(value)) {
            throw new ChatException.Invalid("tempId", "tempId must be 1 to " + MAX_LENGTH + " printable characters");
        }
    }

    public static TempId of(String value) {
        return new TempId(value);
    }
}
