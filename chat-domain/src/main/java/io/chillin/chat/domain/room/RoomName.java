package io.chillin.chat.domain.room;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.LookAlikes;
import io.chillin.chat.domain.Text;
import java.util.Locale;

/**
 * A room's name: 1..30 characters after trimming, inner runs of white space folded to one space,
 * no control characters. Unique ignoring case ({@link #key()}) and among look-alikes ({@link #skeleton()}).
 */
public record RoomName(String value) {

    public static final int MAX_LENGTH = 30;

    public RoomName {
        Text.required(value, "room");
        if (Text.hasControlCharacter(value, "") || Text.hasLoneSurrogate(value)) {
            throw new ChatException.Invalid("room", "room name must not contain control characters");
        }
        value = value.strip().replaceAll("\\s+", " ");
        int length = Text.length(value);
        if (length < 1 || length > MAX_LENGTH) {
            throw new ChatException.Invalid("room", "room name must be 1 to " + MAX_LENGTH + " characters");
        }
    }

    public static RoomName of(String value) {
        return new RoomName(value);
    }

    /** Validates a name given under another field name (REST's {@code name} or {@code roomName}, say). */
    public static RoomName of(String value, String field) {
        Text.required(value, field);
        try {
            return new RoomName(value);
        } catch (ChatException.Invalid e) {
            throw new ChatException.Invalid(field, e.getMessage());
        }
    }

    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** What this name looks like ({@link LookAlikes#skeleton}): no two rooms share one, nor a key. */
    public String skeleton() {
        return LookAlikes.skeleton(value);
    }

    /** The rejection of this name for a new room because room {@code holder}, this name or a look-alike, exists. */
    public ChatException.Conflict takenBy(RoomName holder) {
        return new ChatException.Conflict(key().equals(holder.key()) ? "room '" + this + "' already exists"
                : "room '" + this + "' looks like the existing room '" + holder + "'");
    }

    @Override
    public String toString() {
        return value;
    }
}
