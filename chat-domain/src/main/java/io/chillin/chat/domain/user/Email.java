package io.chillin.chat.domain.user;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.Text;
import java.util.regex.Pattern;

/** An optional contact address: null or blank means none; anything else must look like an address. */
public final class Email {

    private static final Pattern SHAPE = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private Email() {
    }

    public static String normalise(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        String trimmed = email.strip();
        if (Text.length(trimmed) > 254 || !SHAPE.matcher(trimmed).matches() || Text.hasControlCharacter(trimmed, "")) {
            throw new ChatException.Invalid("email", "email is not a valid address");
        }
        return trimmed;
    }
}
