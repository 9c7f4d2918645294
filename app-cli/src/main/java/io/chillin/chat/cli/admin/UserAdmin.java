package io.chillin.chat.cli.admin;

import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.LookAlikes;
import io.chillin.chat.domain.user.Email;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Accounts, straight on the stores: every value goes through the domain's rules and the server's password
 * policy and hasher, as registration does.
 */
public final class UserAdmin {

    private final ChatPorts ports;
    private final ChatSettings settings;
    private final Clock clock;

    public UserAdmin(ChatPorts ports, ChatSettings settings, Clock clock) {
        this.ports = ports;
        this.settings = settings;
        this.clock = clock;
    }

    public List<UserRow> list() {
        return ports.users().list().stream().map(UserRow::of).toList();
    }

    /** @throws ChatException.NotFound for an unknown user */
    public UserRow show(String name) {
        return UserRow.of(existing(Username.of(name)));
    }

    /**
     * @throws ChatException.Invalid for a name, password or email the server would refuse; Conflict when it or a
     *         look-alike is taken
     */
    public UserRow create(String name, String password, String email) {
        Username username = Username.of(name);
        LookAlikes.refuse(username.value(), "username");
        String checked = settings.passwordPolicy().check(password, "password");
        String normalisedEmail = Email.normalise(email);
        ports.users().findLookAlike(username).ifPresent(holder -> {
            throw username.takenBy(holder.username());
        });
        User user = new User(username, ports.hasher().hash(checked), normalisedEmail, now());
        ports.users().create(user);
        return UserRow.of(user);
    }

    /** Deletes the account and ends its sessions; its messages stay, under its name. @throws ChatException.NotFound */
    public void delete(String name) {
        User user = existing(Username.of(name));
        ports.users().delete(user.username());
        ports.sessions().deleteAllOf(Identity.registered(user.username()).key());
    }

    /** Sets a new password and ends every session of the user. @throws ChatException.NotFound, Invalid */
    public void resetPassword(String name, String password) {
        User user = existing(Username.of(name));
        String checked = settings.passwordPolicy().check(password, "password");
        ports.users().updatePasswordHash(user.username(), ports.hasher().hash(checked));
        ports.sessions().deleteAllOf(Identity.registered(user.username()).key());
    }

    /** Ends every session (token) of the user. @throws ChatException.NotFound */
    public void logoutAll(String name) {
        User user = existing(Username.of(name));
        ports.sessions().deleteAllOf(Identity.registered(user.username()).key());
    }

    private User existing(Username name) {
        return ports.users().find(name).orElseThrow(() -> new ChatException.NotFound("no user named '" + name + "'"));
    }

    /** Stores keep milliseconds; what the command prints is what was stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
