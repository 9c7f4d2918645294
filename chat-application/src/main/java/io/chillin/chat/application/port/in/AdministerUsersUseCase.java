package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.user.User;
import java.util.List;

/**
 * What an operator does to accounts (the CLI, the admin REST API, a program embedding the core). Every value goes
 * through the rules a registration applies; ending sessions closes the user's sockets on every instance.
 *
 * @throws io.chillin.chat.domain.ChatException.NotFound for an unknown user, from every method naming one
 */
public interface AdministerUsersUseCase {

    /** Every account, in name order. */
    List<User> listUsers();

    User showUser(String username);

    /** @throws io.chillin.chat.domain.ChatException.Invalid, Conflict as a registration would */
    User createUser(String username, String password, String email);

    /** Deletes the account and ends its sessions; its messages stay, under its name. */
    void deleteUser(String username);

    /** Sets a new password (the password policy applies) and ends every session of the user. */
    void resetPassword(String username, String password);

    /** Ends every session (token) of the user. */
    void endSessions(String username);

    /** Grants or takes back the admin role (the right to use the admin REST API). */
    void setAdmin(String username, boolean admin);

    boolean isAdmin(String username);
}
