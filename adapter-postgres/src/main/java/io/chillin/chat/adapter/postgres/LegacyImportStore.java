package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import org.jdbi.v3.core.Handle;

/**
 * Bulk writes for importing another app's data. Each write is one transaction that stores everything or
 * nothing, and skips what is already stored (users and rooms by name ignoring case, messages by room and
 * tempId), so an import run twice stores nothing the second time. A user or room whose name looks like a stored one
 * is imported all the same, without a skeleton, like the names stored before look-alikes were refused. Messages take their room's next seqs in the
 * order given, under the same row lock live appends take.
 */
public final class LegacyImportStore {

    private static final int BATCH = 500;

    private final Database db;
    private final Clock clock;

    /** The clock stamps {@code updated_at} of imported users, as {@link PostgresUserStore} does. */
    public LegacyImportStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A stored room and its newest seq. */
    public record StoredRoom(RoomName name, long lastSeq) {
    }

    /** What one room got from a message import: how many messages, and the seqs they took. */
    public record RoomAppend(RoomName room, int count, long firstSeq, long lastSeq) {
    }

    /** What a message import stored. */
    public record MessageImport(List<RoomName> roomsCreated, List<RoomAppend> appended) {
        public int messagesCreated() {
            return appended.stream().mapToInt(RoomAppend::count).sum();
        }
    }

    /** Every stored username by its case-insensitive key. */
    public Map<String, Username> users() {
        Map<String, Username> users = new LinkedHashMap<>();
        db.read(h -> h.createQuery("SELECT username FROM users ORDER BY id").mapTo(String.class).list())
                .forEach(name -> {
                    Username username = Username.of(name);
                    users.put(username.key(), username);
                });
        return users;
    }

    /** Every stored room by its case-insensitive key. */
    public Map<String, StoredRoom> rooms() {
        Map<String, StoredRoom> rooms = new LinkedHashMap<>();
        db.read(h -> h.createQuery("SELECT name, name_key, last_seq FROM rooms ORDER BY id")
                .map((rs, ctx) -> Map.entry(rs.getString("name_key"),
                        new StoredRoom(RoomName.of(rs.getString("name")), rs.getLong("last_seq"))))
                .list()).forEach(e -> rooms.put(e.getKey(), e.getValue()));
        return rooms;
    }

    /** The tempIds beginning with {@code prefix} that the room's stored messages have (any author). */
    public Set<String> tempIds(RoomName room, String prefix) {
        return db.read(h -> tempIds(h, room, prefix));
    }

    /** In one transaction, creates each user whose name (ignoring case) is free; returns the names it created. */
    public List<Username> createUsers(List<User> users) {
        return db.write(h -> {
            List<Username> created = new ArrayList<>();
            for (User user : users) {
                if (PostgresUserStore.insert(h, user, clock.instant(), true) == 1) {
                    created.add(user.username());
                }
            }
            return created;
        });
    }

    /** In one transaction, creates each room whose name (ignoring case) is free; returns the names it created. */
    public List<RoomName> createRooms(List<Room> rooms) {
        return db.write(h -> createRooms(h, rooms));
    }

    /**
     * In one transaction: creates {@code newRooms} (those whose name is free), then appends each message whose
     * (room, tempId) is not stored yet, in list order, each taking its room's next seq. {@code progress} hears how
     * many of the given messages have been handled so far.
     *
     * @throws ChatException.NotFound when a message's room does not exist (and nothing is stored)
     */
    public MessageImport importMessages(List<Room> newRooms, List<NewMessage> messages, IntConsumer progress) {
        Map<String, List<NewMessage>> byRoom = new LinkedHashMap<>();
        for (NewMessage m : messages) {
            byRoom.computeIfAbsent(m.room().key(), k -> new ArrayList<>()).add(m);
        }
        return db.write(h -> {
            List<RoomName> roomsCreated = createRooms(h, newRooms);
            List<RoomAppend> appended = new ArrayList<>();
            int handled = 0;
            for (List<NewMessage> roomMessages : byRoom.values()) {
                appended.add(appendAll(h, roomMessages, handled, progress));
                handled += roomMessages.size();
            }
            return new MessageImport(roomsCreated, appended);
        });
    }

    private RoomAppend appendAll(Handle h, List<NewMessage> messages, int handledBefore, IntConsumer progress) {
        RoomName asked = messages.getFirst().room();
        // Takes the row lock that live appends take, so they wait for this import rather than interleave with it.
        int locked = h.createUpdate("UPDATE rooms SET last_seq = last_seq WHERE name_key = :key")
                .bind("key", asked.key())
                .execute();
        if (locked == 0) {
            throw new ChatException.NotFound("no room named '" + asked + "'");
        }
        record Row(long id, RoomName name, long lastSeq, long lastRev) {
        }
        Row room = h.createQuery("SELECT id, name, last_seq, last_rev FROM rooms WHERE name_key = :key")
                .bind("key", asked.key())
                .map((rs, ctx) -> new Row(rs.getLong("id"), RoomName.of(rs.getString("name")), rs.getLong("last_seq"),
                        rs.getLong("last_rev")))
                .one();
        Set<String> stored = new HashSet<>(tempIdsOfRoom(h, room.id(), ""));
        long seq = room.lastSeq();
        long first = 0;
        int count = 0;
        int handled = handledBefore;
        List<MessageRows.Row> rows = new ArrayList<>(BATCH);
        for (NewMessage m : messages) {
            handled++;
            if (!stored.add(m.tempId().value())) {
                continue;
            }
            seq++;
            first = first == 0 ? seq : first;
            count++;
            rows.add(new MessageRows.Row(room.id(), seq, room.lastRev() + count, m));
            if (rows.size() >= BATCH) {
                insert(h, rows);
                progress.accept(handled);
            }
        }
        insert(h, rows);
        progress.accept(handled);
        if (count > 0) {
            h.createUpdate("UPDATE rooms SET last_seq = :seq, last_rev = last_rev + :count WHERE id = :id")
                    .bind("seq", seq).bind("count", count).bind("id", room.id()).execute();
        }
        return new RoomAppend(room.name(), count, count == 0 ? 0 : first, count == 0 ? 0 : seq);
    }

    private static void insert(Handle h, List<MessageRows.Row> rows) {
        try {
            MessageRows.insert(h.getConnection(), rows);
        } catch (SQLException e) {
            throw SqlFaults.translate(e);
        }
        rows.clear();
    }

    private static List<RoomName> createRooms(Handle h, List<Room> rooms) {
        List<RoomName> created = new ArrayList<>();
        for (Room room : rooms) {
            if (PostgresRoomStore.insert(h, room, true) == 1) {
                created.add(room.name());
            }
        }
        return created;
    }

    private static Set<String> tempIds(Handle h, RoomName room, String prefix) {
        Long id = h.createQuery("SELECT id FROM rooms WHERE name_key = :key").bind("key", room.key())
                .mapTo(Long.class).findOne().orElse(null);
        return id == null ? Set.of() : new HashSet<>(tempIdsOfRoom(h, id, prefix));
    }

    private static List<String> tempIdsOfRoom(Handle h, long roomId, String prefix) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return h.createQuery("SELECT temp_id FROM messages WHERE room_id = :id AND temp_id LIKE :pattern ESCAPE '\\'")
                .bind("id", roomId)
                .bind("pattern", pattern)
                .mapTo(String.class)
                .list();
    }
}
