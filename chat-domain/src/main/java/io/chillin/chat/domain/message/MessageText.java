package io.chillin.chat.domain.message;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.Text;

/**
 * What a user says: 1..500 code points after trimming (an emoji counts once), no control
 * characters but newline and tab. Stored as sent; it is data, never markup.
 */
public record MessageText(String value) {

    public static final int MAX_LENGTH = 500;

    public MessageText {
        Text.required(value, "text");
        value = value.strip();
        if (value.isEmpty()) {
            throw new ChatException.Invalid("text", "message must not be empty");
        }
        if (Text.hasControlCharacter(value, "\n\t") || Text.hasLoneSurrogate(value)) {
            throw new ChatException.Invalid("text", "message must not contain control characters");
        }
        if (Text.length(value) > MAX_LENGTH) {
            throw new ChatException.Invalid("text", "message must be at most " + MAX_LENGTH + " characters");
        }
    }

    public static MessageText of(String value) {
        return new MessageText(value);
    }
}
