package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.UserStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts in memory, keyed by the name's case-insensitive key, with the skeletons they hold beside them. */
public final class LocalUserStore implements UserStore {

    private final ConcurrentHashMap<String, User> users = new ConcurrentHashMap<>();
    /** The key of the account holding each skeleton; both maps change together, under this store's lock. */
    private final ConcurrentHashMap<String, String> keysBySkeleton = new ConcurrentHashMap<>();
    /** The keys of the accounts with the admin role. */
    private final Set<String> admins = ConcurrentHashMap.newKeySet();

    @Override
    public synchronized void create(User user) {
        Username name = user.username();
        Optional<User> holder = findLookAlike(name);
        if (holder.isPresent()) {
            throw name.takenBy(holder.get().username());
        }
        users.put(name.key(), user);
        keysBySkeleton.put(name.skeleton(), name.key());
    }

    @Override
    public Optional<User> find(Username username) {
        return Optional.ofNullable(users.get(username.key()));
    }

    @Override
    public List<User> findAll(Collection<Username> usernames) {
        return usernames.stream().map(Username::key).distinct().map(users::get).filter(Objects::nonNull).toList();
    }

    @Override
    public Optional<User> findLookAlike(Username username) {
        return find(username).or(() -> Optional.ofNullable(keysBySkeleton.get(username.skeleton())).map(users::get));
    }

    @Override
    public void updatePasswordHash(Username username, String passwordHash) {
        if (users.computeIfPresent(username.key(), (k, u) -> u.withPasswordHash(passwordHash)) == null) {
            throw new ChatException.NotFound("no user named '" + username + "'");
        }
    }

    @Override
    public synchronized void delete(Username username) {
        User removed = users.remove(username.key());
        if (removed == null) {
            throw new ChatException.NotFound("no user named '" + username + "'");
        }
        keysBySkeleton.remove(removed.username().skeleton(), username.key());
        admins.remove(username.key());
    }

    @Override
    public boolean isAdmin(Username username) {
        return admins.contains(username.key());
    }

    @Override
    public synchronized void setAdmin(Username username, boolean admin) {
        if (!users.containsKey(username.key())) {
            throw new ChatException.NotFound("no user named '" + username + "'");
        }
        if (admin) {
            admins.add(username.key());
        } else {
            admins.remove(username.key());
        }
    }

    @Override
    public List<User> list() {
        return users.values().stream().sorted(Comparator.comparing(u -> u.username().key())).toList();
    }
}
