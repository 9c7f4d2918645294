package io.chillin.chat.cli;

import io.chillin.chat.cli.admin.UserAdmin;
import io.chillin.chat.cli.admin.UserRow;
import io.chillin.chat.server.Backends;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chillin users ...}: accounts, on the server's stores. */
@Command(name = "users", description = "List, show, create and delete accounts; reset passwords; end sessions.")
final class UsersCli {

    private final CliContext ctx;

    UsersCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Command(name = "list", description = "List every account (never a password hash, only its kind).")
    int list(@Mixin OutputOptions output) {
        List<UserRow> users = withAdmin(UserAdmin::list);
        Printer printer = Printer.of(ctx);
        if (output.json()) {
            printer.json(users);
        } else if (users.isEmpty()) {
            printer.line("No users.");
        } else {
            Table table = new Table("USERNAME", "EMAIL", "CREATED", "PASSWORD", "ADMIN");
            users.forEach(u -> table.row(u.username(), u.email(), u.createdAt(), u.passwordKind(), u.admin() ? "yes" : "no"));
            printer.table(table);
        }
        return CliErrors.OK;
    }

    @Command(name = "show", description = "Show one account.")
    int show(@Parameters(paramLabel = "USERNAME", description = "Name, any case.") String name,
             @Mixin OutputOptions output) {
        print(withAdmin(admin -> admin.show(name)), output);
        return CliErrors.OK;
    }

    @Command(name = "create", description = {"Create an account, with the server's rules for names, passwords and emails.",
            "Example: chillin users create alice --email alice@example.com --password"})
    int create(@Parameters(paramLabel = "USERNAME") String name,
               @Option(names = "--email", paramLabel = "EMAIL", description = "Contact address (optional).") String email,
               @Mixin PasswordOptions password, @Mixin OutputOptions output) {
        String secret = password.require(ctx);
        print(withAdmin(admin -> admin.create(name, secret, email)), output);
        return CliErrors.OK;
    }

    @Command(name = "delete", description = "Delete an account and end its sessions; its messages stay under its name.")
    int delete(@Parameters(paramLabel = "USERNAME") String name,
               @Option(names = "--yes", description = "Confirm (required).") boolean yes) {
        Confirmation.require(yes, "deleting user '" + name + "' cannot be undone");
        withAdmin(admin -> {
            admin.delete(name);
            return null;
        });
        Printer.of(ctx).line("Deleted user " + name + " and ended its sessions.");
        return CliErrors.OK;
    }

    @Command(name = "reset-password", description = "Set a new password (server rules) and end every session of the user.")
    int resetPassword(@Parameters(paramLabel = "USERNAME") String name, @Mixin PasswordOptions password) {
        String secret = password.require(ctx);
        withAdmin(admin -> {
            admin.resetPassword(name, secret);
            return null;
        });
        Printer.of(ctx).line("Password of " + name + " reset; its sessions were ended.");
        return CliErrors.OK;
    }

    @Command(name = "logout-all", description = {"End every session (token) of the user.",
            "WebSocket connections already open stay open until they close; new requests need a new login."})
    int logoutAll(@Parameters(paramLabel = "USERNAME") String name) {
        withAdmin(admin -> {
            admin.logoutAll(name);
            return null;
        });
        Printer.of(ctx).line("Ended every session of " + name + ".");
        return CliErrors.OK;
    }

    @Command(name = "grant-admin", description = {"Give the account the admin role: its token may use the admin REST API.",
            "Example: chillin users grant-admin alice"})
    int grantAdmin(@Parameters(paramLabel = "USERNAME") String name, @Mixin OutputOptions output) {
        print(withAdmin(admin -> admin.setAdmin(name, true)), output);
        return CliErrors.OK;
    }

    @Command(name = "revoke-admin", description = "Take the admin role back.")
    int revokeAdmin(@Parameters(paramLabel = "USERNAME") String name, @Mixin OutputOptions output) {
        print(withAdmin(admin -> admin.setAdmin(name, false)), output);
        return CliErrors.OK;
    }

    private void print(UserRow user, OutputOptions output) {
        Printer printer = Printer.of(ctx);
        if (output.json()) {
            printer.json(user);
            return;
        }
        Table table = Table.fields();
        table.row("username", user.username()).row("email", user.email()).row("created", user.createdAt())
                .row("password", user.passwordKind()).row("admin", user.admin() ? "yes" : "no");
        printer.table(table);
    }

    private <T> T withAdmin(Function<UserAdmin, T> work) {
        try (Backends backends = ctx.openAdminBackends()) {
            return work.apply(new UserAdmin(backends.adminPorts(), backends.settings(), ctx.clock()));
        }
    }
}
