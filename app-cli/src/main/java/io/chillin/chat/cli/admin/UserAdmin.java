package io.chillin.chat.cli.admin;

import io.chillin.chat.application.AdminPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.port.in.AdministerUsersUseCase;
import io.chillin.chat.application.service.AdminService;
import java.time.Clock;
import java.util.List;

/** Accounts for the CLI: the core's administration use cases, their answers as the rows the commands print. */
public final class UserAdmin {

    private final AdministerUsersUseCase users;

    public UserAdmin(AdministerUsersUseCase users) {
        this.users = users;
    }

    public UserAdmin(AdminPorts ports, ChatSettings settings, Clock clock) {
        this(AdminService.create(ports, settings, clock));
    }

    public List<UserRow> list() {
        return users.listUsers().stream().map(u -> UserRow.of(u, users.isAdmin(u.username().value()))).toList();
    }

    public UserRow show(String name) {
        return UserRow.of(users.showUser(name), users.isAdmin(name));
    }

    public UserRow create(String name, String password, String email) {
        return UserRow.of(users.createUser(name, password, email), false);
    }

    public void delete(String name) {
        users.deleteUser(name);
    }

    public void resetPassword(String name, String password) {
        users.resetPassword(name, password);
    }

    public void logoutAll(String name) {
        users.endSessions(name);
    }

    public UserRow setAdmin(String name, boolean admin) {
        users.setAdmin(name, admin);
        return show(name);
    }
}
