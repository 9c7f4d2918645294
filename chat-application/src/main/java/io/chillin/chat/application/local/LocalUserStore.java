package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.UserStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts in memory, keyed by the name's case-insensitive key. */
public final class LocalUserStore implements UserStore {

    private final ConcurrentHashMap<String, User> users = new ConcurrentHashMap<>();

    @Override
    public void create(User user) {
        if (users.putIfAbsent(user.username().key(), user) != null) {
            throw new ChatException.Conflict("username '" + user.username() + "' is already taken");
        }
    }

    @Override
    public Optional<User> find(Username username) {
        return Optional.ofNullable(users.get(username.key()));
    }

    @Override
    public void updatePasswordHash(Username username, String passwordHash) {
        if (users.computeIfPresent(username.key(), (k, u) -> u.withPasswordHash(passwordHash)) == null) {
            throw new ChatException.NotFound("no user named '" + username + "'");
        }
    }

    @Override
    public void delete(Username username) {
        if (users.remove(username.key()) == null) {
            throw new ChatException.NotFound("no user named '" + username + "'");
        }
    }

    @Override
    public List<User> list() {
        return users.values().stream().sorted(Comparator.comparing(u -> u.username().key())).toList();
    }
}
