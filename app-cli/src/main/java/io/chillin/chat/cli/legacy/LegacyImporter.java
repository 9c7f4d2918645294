package io.chillin.chat.cli.legacy;

import io.chillin.chat.adapter.crypto.Argon2PasswordHasher;
import io.chillin.chat.adapter.postgres.LegacyImportStore;
import io.chillin.chat.adapter.postgres.LegacyImportStore.StoredRoom;
import io.chillin.chat.domain.user.Username;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The legacy import from start to end: read every file (a malformed one stops everything before anything is
 * written), plan each against what is stored, then, unless it is a dry run, write users, rooms and messages,
 * each file in one transaction, their password hashes strengthened with Argon2id, and report. Running it again
 * imports nothing new.
 */
public final class LegacyImporter {

    public static final String USERS = "users.json";
    public static final String ROOMS = "rooms.json";
    public static final String MESSAGES = "messages.json";

    /** Progress bars are drawn for files and imports at least this large. */
    private static final long LARGE_FILE_BYTES = 1 << 20;
    private static final int LARGE_IMPORT_MESSAGES = 5_000;
    /** Argon2id takes tens of milliseconds a hash: a few hundred are worth a bar. */
    private static final int LARGE_IMPORT_USERS = 200;

    private final LegacyImportStore store;
    private final Clock clock;
    private final LegacyJsonReader reader = new LegacyJsonReader();
    private final LegacyHashes hashes;
    private final PrintWriter progressOut;
    private final boolean showProgress;

    /** {@code progressOut} gets the progress bars when {@code showProgress} (a terminal) and the work is large. */
    public LegacyImporter(LegacyImportStore store, Argon2PasswordHasher hasher, Clock clock, PrintWriter progressOut,
                          boolean showProgress) {
        this.store = store;
        this.hashes = new LegacyHashes(hasher);
        this.clock = clock;
        this.progressOut = progressOut;
        this.showProgress = showProgress;
    }

    /**
     * @throws MalformedLegacyFile when a file is not what it should be (nothing is imported)
     * @throws IllegalArgumentException when the folder holds none of the three files
     * @throws ImportFailed when writing a file failed after earlier files were written
     */
    public ImportReport run(Path dataDir, boolean dryRun, UnknownRooms unknownRooms) {
        Path users = dataDir.resolve(USERS);
        Path rooms = dataDir.resolve(ROOMS);
        Path messages = dataDir.resolve(MESSAGES);
        if (!Files.isRegularFile(users) && !Files.isRegularFile(rooms) && !Files.isRegularFile(messages)) {
            throw new IllegalArgumentException(dataDir + " holds none of " + USERS + ", " + ROOMS + ", " + MESSAGES
                    + ": give the old app's server/data folder");
        }
        FileTally userTally = new FileTally(USERS);
        FileTally roomTally = new FileTally(ROOMS);
        FileTally messageTally = new FileTally(MESSAGES);
        List<LegacyEntry> userEntries = readIfThere(users, userTally, false);
        List<LegacyEntry> roomEntries = readIfThere(rooms, roomTally, false);
        List<LegacyEntry> messageEntries = readIfThere(messages, messageTally, true);

        Map<String, Username> storedUsers = store.users();
        Map<String, StoredRoom> storedRooms = store.rooms();
        UserPlanner.Plan userPlan = new UserPlanner(clock.instant()).plan(userEntries, storedUsers, userTally);
        RoomPlanner.Plan roomPlan = new RoomPlanner(clock.instant()).plan(roomEntries, storedRooms, roomTally);
        MessagePlanner.Plan messagePlan = new MessagePlanner(unknownRooms).plan(messageEntries, roomPlan, userPlan,
                storedRooms, room -> store.tempIds(room, MessagePlanner.TEMP_ID_PREFIX), messageTally);

        if (!dryRun) {
            String step = USERS;
            try {
                if (!userPlan.toCreate().isEmpty()) {
                    int total = userPlan.toCreate().size();
                    ProgressBar bar = bar("strengthening password hashes", total, total >= LARGE_IMPORT_USERS);
                    userTally.settle(store.createUsers(hashes.strengthenUsers(userPlan.toCreate(), bar)).size());
                }
                step = ROOMS;
                if (!roomPlan.toCreate().isEmpty()) {
                    roomTally.settle(store.createRooms(hashes.strengthenRooms(roomPlan.toCreate())).size());
                }
                step = MESSAGES;
                if (!messagePlan.messages().isEmpty()) {
                    int total = messagePlan.messages().size();
                    ProgressBar bar = bar("importing " + MESSAGES, total, total >= LARGE_IMPORT_MESSAGES);
                    LegacyImportStore.MessageImport result = store.importMessages(messagePlan.roomsToCreate(),
                            messagePlan.messages(), bar::update);
                    bar.finish();
                    messageTally.settle(result.messagesCreated());
                }
            } catch (RuntimeException e) {
                throw new ImportFailed(step, e);
            }
        }
        return new ImportReport(dataDir.toString(), dryRun,
                List.of(userTally.report(), roomTally.report(), messageTally.report()));
    }

    private List<LegacyEntry> readIfThere(Path file, FileTally tally, boolean messages) {
        if (!Files.isRegularFile(file)) {
            tally.note("not found: nothing to import from it");
            return List.of();
        }
        tally.found();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProgressBar bar = bar("reading " + file.getFileName(), size, size >= LARGE_FILE_BYTES);
        List<LegacyEntry> entries = messages ? reader.readMessageLists(file, bar::update) : reader.readRecords(file, bar::update);
        bar.finish();
        return entries;
    }

    private ProgressBar bar(String label, long total, boolean large) {
        return new ProgressBar(progressOut, label, total, showProgress && large);
    }

    /** Writing one file failed; the files before it were written, it and those after it were not. */
    public static final class ImportFailed extends RuntimeException {
        public ImportFailed(String file, RuntimeException cause) {
            super("importing " + file + " failed, nothing of it was stored (" + cause.getMessage() + "); files before it"
                    + " were imported. Running the import again skips what is already stored.", cause);
        }
    }
}
