package io.chillin.chat.application.service;

import io.chillin.chat.application.port.out.UserStore;
import io.chillin.chat.domain.message.Mentions;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Which registered users a text mentions, spelled as registered, in order of first mention. */
final class Mentioning {

    private final UserStore users;

    Mentioning(UserStore users) {
        this.users = users;
    }

    /** A text without '@' costs nothing; otherwise one look-up for all the names it may mention. */
    List<Username> of(MessageText text) {
        List<String> candidates = Mentions.candidates(text.value());
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<Username> names = new ArrayList<>(candidates.size());
        for (String candidate : candidates) {
            if (Username.isValid(candidate)) {
                names.add(Username.of(candidate));
            }
        }
        Map<String, Username> registered = new HashMap<>();
        for (User user : users.findAll(names)) {
            registered.put(user.username().key(), user.username());
        }
        return names.stream().map(n -> registered.get(n.key())).filter(Objects::nonNull).toList();
    }
}
