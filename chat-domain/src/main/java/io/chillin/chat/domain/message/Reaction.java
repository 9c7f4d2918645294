package io.chillin.chat.domain.message;

import io.chillin.chat.domain.user.Username;
import java.util.List;
import java.util.Objects;

/** One emoji under a message and who reacted with it, in the order they did; never empty. */
public record Reaction(Emoji emoji, List<Username> users) {

    public Reaction {
        Objects.requireNonNull(emoji);
        users = List.copyOf(users);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("a reaction has at least one user");
        }
    }

    public int count() {
        return users.size();
    }

    public boolean by(Username user) {
        return users.stream().anyMatch(user::sameAs);
    }
}
