package io.chillin.chat.domain.message;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.Text;

/** What a reaction shows: 1 to 16 code points, no whitespace, no control characters, well-formed. */
public record Emoji(String value) {

    public static final int MAX_LENGTH = 16;

    public Emoji {
        Text.required(value, "emoji");
        int length = Text.length(value);
        if (length < 1 || length > MAX_LENGTH) {
            throw new ChatException.Invalid("emoji", "emoji must be 1 to " + MAX_LENGTH + " characters");
        }
        if (Text.hasLoneSurrogate(value) || Text.hasControlCharacter(value, "")
                || value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new ChatException.Invalid("emoji", "emoji must not contain whitespace or control characters");
        }
    }

    public static Emoji of(String value) {
        return new Emoji(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
