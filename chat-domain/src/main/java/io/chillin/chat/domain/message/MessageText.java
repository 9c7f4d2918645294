package io.chillin.chat.domain.message;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.Text;
import java.util.Objects;

/**
 * What a user says: 1..500 code points after trimming (an emoji counts once), no control
 * characters but newline and tab. Stored as sent; it is data, never markup. The one exception is
 * {@link #DELETED}, the empty text a deleted message keeps.
 */
public final class MessageText {

    public static final int MAX_LENGTH = 500;
    /** The text of a deleted message: empty, which no user can send. */
    public static final MessageText DELETED = new MessageText("", true);

    private final String value;

    private MessageText(String value, boolean deleted) {
        this.value = value;
    }

    public MessageText(String value) {
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
        this.value = value;
    }

    public static MessageText of(String value) {
        return new MessageText(value);
    }

    /** The text as stored: {@link #DELETED} for "", otherwise as {@link #of}. */
    public static MessageText stored(String value) {
        return value.isEmpty() ? DELETED : new MessageText(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageText other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return "MessageText[value=" + value + "]";
    }
}
