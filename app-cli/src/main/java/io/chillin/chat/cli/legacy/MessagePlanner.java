package io.chillin.chat.cli.legacy;

import io.chillin.chat.adapter.postgres.LegacyImportStore.StoredRoom;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which of {@code messages.json}'s messages to append, in file order. Policy: admin notices (author "admin",
 * or marked system) are skipped; so are messages whose text, author name or timestamp does not meet today's
 * rules, and messages of a room that was skipped. A message's tempId is {@code legacy-id-<id>} when it has an
 * id, else {@code legacy-ix-<position in its room>}, which makes a second run find it. Its author key is the
 * account's ({@code user:<name>}) when the author has one, else a guest key of its own
 * ({@code guest:legacy-<name>}: shown under the name, linked to no account). Rooms found only here are handled
 * as {@link UnknownRooms} says.
 */
final class MessagePlanner {

    static final String TEMP_ID_PREFIX = "legacy-";
    private static final int LISTED = 10;

    private final UnknownRooms unknownRooms;

    MessagePlanner(UnknownRooms unknownRooms) {
        this.unknownRooms = unknownRooms;
    }

    /** Rooms to create for messages of unknown rooms (in the same transaction), and the messages to append. */
    record Plan(List<Room> roomsToCreate, List<NewMessage> messages) {
    }

    Plan plan(List<LegacyEntry> entries, RoomPlanner.Plan rooms, UserPlanner.Plan users, Map<String, StoredRoom> stored,
              Function<RoomName, Set<String>> storedTempIds, FileTally tally) {
        Map<String, List<LegacyEntry>> byRoom = new LinkedHashMap<>();
        Map<String, Set<String>> spellings = new LinkedHashMap<>();
        for (LegacyEntry entry : entries) {
            String key = roomKey(entry.key());
            byRoom.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            spellings.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(entry.key());
        }
        List<Room> roomsToCreate = new ArrayList<>();
        List<NewMessage> messages = new ArrayList<>();
        Set<String> guestAuthors = new LinkedHashSet<>();
        int guestMessages = 0;
        List<String> unknownSkipped = new ArrayList<>();
        for (Map.Entry<String, List<LegacyEntry>> group : byRoom.entrySet()) {
            List<LegacyEntry> roomEntries = group.getValue();
            String rawName = roomEntries.getFirst().key();
            if (spellings.get(group.getKey()).size() > 1) {
                tally.note("messages filed under " + String.join(", ", spellings.get(group.getKey()))
                        + " go to one room: names differing only in case are one room today");
            }
            Optional<RoomName> name = roomName(rawName);
            String roomSkip = name.isEmpty() ? "room name breaks today's rules"
                    : rooms.skipped().contains(name.get().key()) ? "its room was skipped (see rooms.json)"
                    : !rooms.known().contains(name.get().key()) && unknownRooms == UnknownRooms.SKIP
                    ? "room is in neither rooms.json nor the store" : null;
            if (roomSkip != null) {
                for (LegacyEntry entry : roomEntries) {
                    tally.read();
                    tally.skipped(label(entry), roomSkip, "");
                }
                if (name.isPresent() && !rooms.known().contains(name.get().key()) && !rooms.skipped().contains(name.get().key())) {
                    unknownSkipped.add(rawName);
                }
                continue;
            }
            RoomName room = name.get();
            Set<String> already = stored.containsKey(room.key()) ? storedTempIds.apply(room) : Set.of();
            Set<String> seen = new HashSet<>();
            List<NewMessage> roomMessages = new ArrayList<>();
            int position = 0;
            for (LegacyEntry entry : roomEntries) {
                tally.read();
                String tempId = tempId(entry, position++);
                Optional<NewMessage> message = message(entry, room, tempId, users, tally);
                if (message.isEmpty()) {
                    continue;
                }
                if (!seen.add(tempId)) {
                    tally.skipped(label(entry), "same id as an earlier message of the room", "id " + entry.text("id"));
                    continue;
                }
                if (already.contains(tempId)) {
                    tally.alreadyPresent();
                    continue;
                }
                NewMessage m = message.get();
                if (m.authorKey().startsWith("guest:")) {
                    guestAuthors.add(m.author().value());
                    guestMessages++;
                }
                roomMessages.add(m);
                tally.willImport();
            }
            if (roomMessages.isEmpty()) {
                continue;
            }
            if (!rooms.known().contains(room.key())) {
                NewMessage first = roomMessages.getFirst();
                roomsToCreate.add(new Room(room, RoomDescription.NONE, first.author(), null, first.timestamp()));
            }
            StoredRoom before = stored.get(room.key());
            if (before != null && before.lastSeq() > 0) {
                tally.note("room " + room + " already had " + before.lastSeq() + " message(s): the imported ones follow them, from seq "
                        + (before.lastSeq() + 1));
            }
            messages.addAll(roomMessages);
        }
        if (!roomsToCreate.isEmpty()) {
            tally.note(roomsToCreate.size() + " room(s) had messages but no entry in rooms.json and were created as public rooms"
                    + " (creator: first author; created: first message): " + listed(roomsToCreate.stream().map(r -> r.name().value()).toList()));
        }
        if (!unknownSkipped.isEmpty()) {
            tally.note("messages of " + unknownSkipped.size() + " room(s) in neither rooms.json nor the store were skipped"
                    + " (--unknown-rooms=skip): " + listed(unknownSkipped));
        }
        if (guestMessages > 0) {
            tally.note(guestMessages + " message(s) by " + guestAuthors.size() + " author(s) without an account were kept under"
                    + " their names as guest messages, linked to no account: " + listed(List.copyOf(guestAuthors)));
        }
        return new Plan(roomsToCreate, messages);
    }

    private static Optional<NewMessage> message(LegacyEntry entry, RoomName room, String tempId, UserPlanner.Plan users,
                                                FileTally tally) {
        String author = entry.text("user") != null ? entry.text("user") : entry.text("username");
        if (isAdminNotice(entry, author)) {
            tally.skipped(label(entry), "admin notice", "");
            return Optional.empty();
        }
        MessageText text;
        try {
            text = MessageText.of(entry.text("text"));
        } catch (ChatException.Invalid e) {
            tally.skipped(label(entry), "text breaks today's rules", e.getMessage());
            return Optional.empty();
        }
        Username name;
        try {
            name = Username.of(author);
        } catch (ChatException.Invalid e) {
            tally.skipped(label(entry), "author name breaks today's rules", "'" + author + "': " + e.getMessage());
            return Optional.empty();
        }
        Optional<Instant> timestamp = LegacyTimestamps.parse(entry.value().get("timestamp"));
        if (timestamp.isEmpty()) {
            tally.skipped(label(entry), "no readable timestamp", String.valueOf(entry.value().get("timestamp")));
            return Optional.empty();
        }
        Username account = users.accounts().get(name.key());
        Username shownAs = account != null ? account : name;
        String authorKey = account != null ? Identity.registered(account).key() : "guest:legacy-" + name.key();
        return Optional.of(new NewMessage(room, shownAs, authorKey, TempId.of(tempId), text, timestamp.get()));
    }

    private static boolean isAdminNotice(LegacyEntry entry, String author) {
        String kind = entry.text("type") != null ? entry.text("type") : entry.text("kind");
        return "admin".equalsIgnoreCase(author == null ? null : author.strip())
                || kind != null && Set.of("admin", "system", "notification").contains(kind.toLowerCase(java.util.Locale.ROOT))
                || entry.flag("isSystem") || entry.flag("system");
    }

    /** {@code legacy-id-<id>}, or a digest of the id when that is too long or unprintable; {@code legacy-ix-<n>} without id. */
    static String tempId(LegacyEntry entry, int position) {
        String id = entry.text("id");
        if (id == null || id.isBlank()) {
            return TEMP_ID_PREFIX + "ix-" + position;
        }
        String candidate = TEMP_ID_PREFIX + "id-" + id.strip();
        try {
            return TempId.of(candidate).value();
        } catch (ChatException.Invalid tooLongOrUnprintable) {
            return TEMP_ID_PREFIX + "idh-" + sha256(id).substring(0, 40);
        }
    }

    private static Optional<RoomName> roomName(String raw) {
        try {
            return Optional.of(RoomName.of(raw));
        } catch (ChatException.Invalid e) {
            return Optional.empty();
        }
    }

    private static String roomKey(String raw) {
        return roomName(raw).map(RoomName::key).orElse("\u0000invalid:" + raw);
    }

    private static String label(LegacyEntry entry) {
        return "\"" + entry.key() + "\" #" + (entry.index() + 1) + " (line " + entry.line() + ")";
    }

    private static String listed(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(LISTED, names.size())));
        return names.size() > LISTED ? shown + " and " + (names.size() - LISTED) + " more" : shown;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
