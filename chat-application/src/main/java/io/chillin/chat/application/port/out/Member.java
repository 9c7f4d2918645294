package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.util.Objects;

/** Somebody present in a room: the display name and the identity behind it. */
public record Member(Username name, String identityKey) {

    public Member {
        Objects.requireNonNull(name);
        Objects.requireNonNull(identityKey);
    }

    public static Member of(Identity identity) {
        return new Member(identity.name(), identity.key());
    }
}
