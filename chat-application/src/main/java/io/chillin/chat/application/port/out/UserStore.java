package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Registered accounts, unique by name ignoring case and among look-alikes: no two accounts share a
 * {@link Username#skeleton() skeleton}, except names stored before that rule, which keep theirs.
 */
public interface UserStore {

    /**
     * Stores a new account.
     *
     * @throws ChatException.Conflict naming the holder when the name (ignoring case) or a look-alike is taken
     */
    void create(User user);

    /** The account with this name, ignoring case. */
    Optional<User> find(Username username);

    /** The accounts of these names (ignoring case), in no particular order; names nobody has are left out. */
    List<User> findAll(Collection<Username> usernames);

    /** The account this name could pass for: the one of its key, else the one of its skeleton. */
    Optional<User> findLookAlike(Username username);

    /** Replaces the stored password hash (after a rehash or a reset). @throws ChatException.NotFound for an unknown user */
    void updatePasswordHash(Username username, String passwordHash);

    /** Removes an account; its messages stay, under its name. @throws ChatException.NotFound for an unknown user */
    void delete(Username username);

    /** Every account, in name order. */
    List<User> list();

    /** Whether the account has the admin role; false for an unknown one. */
    boolean isAdmin(Username username);

    /** Grants or takes back the admin role. @throws ChatException.NotFound for an unknown user */
    void setAdmin(Username username, boolean admin);
}
