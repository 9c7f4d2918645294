package io.chillin.chat.domain.user;

import java.util.Objects;

/**
 * Who is acting: a display name plus the key that tells identities apart. A registered user's key
 * is its name's key, so all of its connections are one identity; each guest has a key of its own,
 * so two guests choosing the same name are two identities.
 */
public record Identity(Username name, boolean guest, String key) {

    public Identity {
        Objects.requireNonNull(name);
        Objects.requireNonNull(key);
    }

    public static Identity registered(Username name) {
        return new Identity(name, false, "user:" + name.key());
    }

    public static Identity guest(Username name, String guestId) {
        return new Identity(name, true, GUEST_PREFIX + guestId);
    }

    /** Whether an identity key (a message's author key, say) is a guest's. */
    public static boolean isGuestKey(String key) {
        return key.startsWith(GUEST_PREFIX);
    }

    private static final String GUEST_PREFIX = "guest:";
}
