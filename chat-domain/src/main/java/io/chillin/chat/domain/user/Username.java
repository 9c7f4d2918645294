package io.chillin.chat.domain.user;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.LookAlikes;
import io.chillin.chat.domain.Text;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A user name or guest display name: 3..20 letters, digits, '_' or '-'. Two names that differ only
 * in case are the same user ({@link #key()}), while the spelling the user chose is kept for display. Two names that
 * look alike ({@link #skeleton()}) cannot both be accounts.
 */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Nd}_-]{3,20}");

    public Username {
        Text.required(value, "username");
        value = value.strip();
        if (!ALLOWED.matcher(value).matches() || Text.length(value) > 20) {
            throw new ChatException.Invalid("username",
                    "username must be 3 to 20 characters: letters, digits, '_' or '-'");
        }
    }

    public static Username of(String value) {
        return new Username(value);
    }

    /** Whether {@code value}, as it is, would make a username. */
    public static boolean isValid(String value) {
        return value != null && value.equals(value.strip()) && ALLOWED.matcher(value).matches() && Text.length(value) <= 20;
    }

    /** Validates a name given under another field name (a guest's {@code name}, say). */
    public static Username of(String value, String field) {
        try {
            return new Username(value);
        } catch (ChatException.Invalid e) {
            throw new ChatException.Invalid(field, e.getMessage().replace("username", field));
        }
    }

    /** The case-insensitive identity of this name. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** What this name looks like ({@link LookAlikes#skeleton}): no two accounts share one, nor a key. */
    public String skeleton() {
        return LookAlikes.skeleton(value);
    }

    /** The rejection of this name for a new account because {@code holder}, this name or a look-alike, has it. */
    public ChatException.Conflict takenBy(Username holder) {
        return new ChatException.Conflict(sameAs(holder) ? "username '" + this + "' is already taken"
                : "username '" + this + "' looks like '" + holder + "', which is already taken");
    }

    public boolean sameAs(Username other) {
        return key().equals(other.key());
    }

    @Override
    public String toString() {
        return value;
    }
}
