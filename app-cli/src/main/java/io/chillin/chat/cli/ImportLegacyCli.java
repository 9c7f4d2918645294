package io.chillin.chat.cli;

import io.chillin.chat.adapter.crypto.Argon2PasswordHasher;
import io.chillin.chat.adapter.postgres.Database;
import io.chillin.chat.adapter.postgres.DatabaseConfig;
import io.chillin.chat.adapter.postgres.LegacyImportStore;
import io.chillin.chat.cli.legacy.ImportReport;
import io.chillin.chat.cli.legacy.ImportReportPrinter;
import io.chillin.chat.cli.legacy.LegacyImporter;
import io.chillin.chat.cli.legacy.UnknownRooms;
import io.chillin.chat.server.ServerConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chillin import legacy}: the old Node.js app's JSON files into the server's database. */
@Command(name = "legacy", description = {
        "Import the old Node.js app's users.json, rooms.json and messages.json (its server/data folder).",
        "Each file is imported in one transaction; a second run imports nothing new. A malformed file stops the import",
        "before anything is written. Old password hashes are stored strengthened with Argon2id and replaced by plain",
        "Argon2id on the first successful login (or, for a private room, join). Admin notices are skipped; everything",
        "skipped is reported.",
        "Example: chillin import legacy --data-dir ../Chillin-Chatroom/server/data --dry-run"})
final class ImportLegacyCli implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "--data-dir", required = true, paramLabel = "DIR", description = "The folder holding the old JSON files.")
    Path dataDir;

    @Option(names = "--dry-run", description = "Read, check and report what would be imported; change nothing.")
    boolean dryRun;

    @Option(names = "--unknown-rooms", paramLabel = "POLICY", defaultValue = "create",
            description = "Messages of rooms that are in neither rooms.json nor the store: ${COMPLETION-CANDIDATES}"
                    + " (default: ${DEFAULT-VALUE}; create makes them public rooms, as a quick join would).")
    UnknownRooms unknownRooms;

    @Mixin
    OutputOptions output;

    ImportLegacyCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ServerConfig config = ctx.serverConfig();
        ImportReport report;
        try (Database database = Database.open(databaseOf(config))) {
            LegacyImporter importer = new LegacyImporter(new LegacyImportStore(database, ctx.clock()),
                    new Argon2PasswordHasher(), ctx.clock(), ctx.err(), ctx.terminal());
            report = importer.run(dataDir, dryRun, unknownRooms);
        } catch (IllegalArgumentException nothingToImport) {
            throw new UsageException(nothingToImport.getMessage());
        }
        Printer printer = Printer.of(ctx);
        if (output.json()) {
            printer.json(report);
        } else {
            new ImportReportPrinter(printer).print(report);
        }
        return CliErrors.OK;
    }

    /** The database the server uses with this configuration, as {@code Backends} chooses it (which does not expose it). */
    /** Two connections are plenty for one importer. */
    static DatabaseConfig databaseOf(ServerConfig config) {
        return config.databaseConfig().withMaxPoolSize(2);
    }
}
