package io.chillin.chat.cli;

import io.chillin.chat.cli.admin.RoomAdmin;
import io.chillin.chat.cli.admin.RoomRow;
import io.chillin.chat.server.Backends;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chillin rooms ...}: rooms, on the server's stores. */
@Command(name = "rooms", description = "List, show, create and delete rooms; set or remove a room's password.")
final class RoomsCli {

    private final CliContext ctx;

    RoomsCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Command(name = "list", description = "List every room, oldest first (never a password hash).")
    int list(@Mixin OutputOptions output) {
        List<RoomRow> rooms = withAdmin(RoomAdmin::list);
        Printer printer = Printer.of(ctx);
        if (output.json()) {
            printer.json(rooms);
        } else if (rooms.isEmpty()) {
            printer.line("No rooms.");
        } else {
            Table table = new Table("NAME", "PRIVATE", "MESSAGES", "CREATOR", "CREATED", "DESCRIPTION");
            rooms.forEach(r -> table.row(r.name(), r.isPrivate() ? "yes" : "no", r.messages(), r.creator(),
                    r.createdAt(), r.description()));
            printer.table(table);
        }
        return CliErrors.OK;
    }

    @Command(name = "show", description = "Show one room, and optionally its latest messages.")
    int show(@Parameters(paramLabel = "ROOM", description = "Name, any case.") String name,
             @Option(names = "--messages", paramLabel = "N", defaultValue = "0",
                     description = "Also show the latest N messages (default: ${DEFAULT-VALUE}).") int latest,
             @Mixin OutputOptions output) {
        RoomAdmin.RoomDetails details = withAdmin(admin -> admin.show(name, latest));
        Printer printer = Printer.of(ctx);
        if (output.json()) {
            printer.json(details);
            return CliErrors.OK;
        }
        print(details.room());
        if (!details.latestMessages().isEmpty()) {
            printer.line("");
            Table messages = new Table("SEQ", "TIME", "USER", "TEXT");
            details.latestMessages().forEach(m -> messages.row(m.seq(), m.timestamp(), m.user(), m.text()));
            printer.table(messages);
        }
        return CliErrors.OK;
    }

    @Command(name = "create", description = {"Create a room with the server's rules; with a password it is private.",
            "Example: chillin rooms create \"Book club\" --description \"Monthly reads\" --password"})
    int create(@Parameters(paramLabel = "ROOM") String name,
               @Option(names = "--description", paramLabel = "TEXT", description = "At most 200 characters.") String description,
               @Option(names = "--creator", paramLabel = "USERNAME", defaultValue = "admin",
                       description = "Shown as the room's creator (default: ${DEFAULT-VALUE}).") String creator,
               @Mixin PasswordOptions password, @Mixin OutputOptions output) {
        String secret = password.read(ctx);
        RoomRow room = withAdmin(admin -> admin.create(name, description, secret, creator));
        if (output.json()) {
            Printer.of(ctx).json(room);
        } else {
            print(room);
        }
        return CliErrors.OK;
    }

    @Command(name = "delete", description = "Delete a room and its whole history.")
    int delete(@Parameters(paramLabel = "ROOM") String name,
               @Option(names = "--yes", description = "Confirm (required): the history cannot be recovered.") boolean yes) {
        Confirmation.require(yes, "deleting room '" + name + "' removes its whole history");
        long messages = withAdmin(admin -> admin.delete(name));
        Printer.of(ctx).line("Deleted room " + name + " and its " + messages + " message(s).");
        return CliErrors.OK;
    }

    @Command(name = "set-password", description = {"Make a room private with a new password, or public with --public.",
            "Members already in the room stay; everyone joining later needs the new password."})
    int setPassword(@Parameters(paramLabel = "ROOM") String name,
                    @Mixin PasswordOptions password,
                    @Option(names = "--public", description = "Remove the password: the room becomes public.") boolean makePublic,
                    @Mixin OutputOptions output) {
        String secret = password.read(ctx);
        if (makePublic == (secret != null)) {
            throw new UsageException("give a new password (--password or --password-stdin) or --public, one of them");
        }
        RoomRow room = withAdmin(admin -> admin.setPassword(name, secret));
        if (output.json()) {
            Printer.of(ctx).json(room);
        } else {
            Printer.of(ctx).line(room.isPrivate() ? "Room " + room.name() + " is private with the new password."
                    : "Room " + room.name() + " is public.");
        }
        return CliErrors.OK;
    }

    private void print(RoomRow room) {
        Table table = Table.fields();
        table.row("name", room.name()).row("description", room.description()).row("creator", room.creator())
                .row("private", room.isPrivate() ? "yes (" + room.passwordKind() + ")" : "no")
                .row("messages", room.messages()).row("created", room.createdAt());
        Printer.of(ctx).table(table);
    }

    private <T> T withAdmin(Function<RoomAdmin, T> work) {
        try (Backends backends = ctx.openAdminBackends()) {
            return work.apply(new RoomAdmin(backends.adminPorts(), backends.settings(), ctx.clock()));
        }
    }
}
