package io.chillin.chat.cli.legacy;

import io.chillin.chat.adapter.postgres.LegacyImportStore.StoredRoom;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.Text;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of {@code rooms.json}'s rooms to create. Policy: a name that breaks today's rules is skipped; of names
 * that differ only in case the first wins; a private room keeps its legacy password hash (replaced on the first
 * successful join), and one without a usable hash is skipped, with its messages, rather than made public; a
 * description over 200 characters is cut; a creator whose name breaks the rules is shown as {@value #NO_CREATOR}.
 */
final class RoomPlanner {

    static final String NO_CREATOR = "legacy";

    private final Instant now;

    RoomPlanner(Instant now) {
        this.now = now;
    }

    /** The rooms to create; the keys of every room known afterwards; the keys of rooms skipped (their messages go too). */
    record Plan(List<Room> toCreate, Set<String> known, Set<String> skipped) {
    }

    Plan plan(List<LegacyEntry> entries, Map<String, StoredRoom> stored, FileTally tally) {
        List<Room> toCreate = new ArrayList<>();
        Set<String> known = new HashSet<>(stored.keySet());
        Set<String> skipped = new HashSet<>();
        Map<String, String> firstSpelling = new HashMap<>();
        int noCreatedAt = 0;
        for (LegacyEntry entry : entries) {
            tally.read();
            String raw = entry.text("name") != null ? entry.text("name") : entry.key();
            String label = "\"" + raw + "\"";
            RoomName name;
            try {
                name = RoomName.of(raw);
            } catch (ChatException.Invalid e) {
                tally.skipped(label, "room name breaks today's rules", e.getMessage());
                skipped.add(raw.strip().toLowerCase(java.util.Locale.ROOT));
                continue;
            }
            String first = firstSpelling.putIfAbsent(name.key(), name.value());
            if (first != null) {
                tally.skipped(label, "same name as an earlier room, ignoring case",
                        "the first, '" + first + "', wins; messages filed under '" + name + "' go to it");
                continue;
            }
            String hash = null;
            if (entry.flag("isPrivate")) {
                Optional<String> legacy = LegacyHashes.stored(entry.text("password"));
                if (legacy.isEmpty()) {
                    tally.skipped(label, "private room without a hex SHA-256 password",
                            "not made public; its messages are skipped too");
                    skipped.add(name.key());
                    continue;
                }
                hash = legacy.get();
            } else if (entry.text("password") != null) {
                tally.note("room " + name + ": not private, so its password was ignored");
            }
            Optional<Instant> createdAt = LegacyTimestamps.parse(entry.value().get("createdAt"));
            noCreatedAt += createdAt.isEmpty() ? 1 : 0;
            if (stored.containsKey(name.key())) {
                tally.alreadyPresent();
                continue;
            }
            toCreate.add(new Room(name, description(name, entry.text("description"), tally), creator(name, entry, tally),
                    hash, createdAt.orElse(now)));
            known.add(name.key());
            tally.willImport();
        }
        if (noCreatedAt > 0) {
            tally.note(noCreatedAt + " room(s) without a readable createdAt: the import time was used");
        }
        return new Plan(toCreate, known, skipped);
    }

    private static RoomDescription description(RoomName room, String raw, FileTally tally) {
        try {
            return RoomDescription.of(raw);
        } catch (ChatException.Invalid e) {
            String cleaned = raw.codePoints().filter(c -> c == '\n' || c == '\t' || Character.getType(c) != Character.CONTROL)
                    .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
            if (Text.length(cleaned) > RoomDescription.MAX_LENGTH) {
                cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, RoomDescription.MAX_LENGTH));
            }
            tally.note("room " + room + ": description cut to today's rules (" + e.getMessage() + ")");
            return RoomDescription.of(cleaned);
        }
    }

    private static Username creator(RoomName room, LegacyEntry entry, FileTally tally) {
        String raw = entry.text("creator");
        try {
            return Username.of(raw);
        } catch (ChatException.Invalid e) {
            tally.note("room " + room + ": creator '" + raw + "' breaks today's username rules; shown as '" + NO_CREATOR + "'");
            return Username.of(NO_CREATOR);
        }
    }
}
