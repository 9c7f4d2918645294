package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/**
 * Each room's history in the {@code messages} table. A room's {@code last_seq} and {@code last_rev} columns hand out
 * its seqs and revs: the row lock taken by incrementing them queues concurrent changes of that room until each
 * commits, so both have no gaps and no repeats on any instance. Appends go through {@link GroupCommit}: many per
 * transaction; an edit, deletion or reaction is one transaction of its own.
 */
public final class PostgresMessageStore implements MessageStore {

    private final Database db;
    private final GroupCommit groupCommit;
    /** Takes the room's next rev under its row lock: one statement that answers the rev. */
    private final String takeRev;

    public PostgresMessageStore(Database db) {
        this(db, GroupCommitSettings.DEFAULT);
    }

    public PostgresMessageStore(Database db, GroupCommitSettings appends) {
        this.db = Objects.requireNonNull(db);
        this.groupCommit = new GroupCommit(db, m -> findByTempId(m.room(), m.authorKey(), m.tempId()), appends);
        this.takeRev = switch (db.kind()) {
            case POSTGRESQL -> "UPDATE rooms SET last_rev = last_rev + 1 WHERE name_key = :room RETURNING last_rev";
            case H2 -> "SELECT last_rev FROM FINAL TABLE (UPDATE rooms SET last_rev = last_rev + 1 WHERE name_key = :room)";
        };
        db.closeWithDatabase(groupCommit);
    }

    /** Appends waiting for the group commit now: for an operator's gauge. */
    public int waitingAppends() {
        return groupCommit.waiting();
    }

    /** Appends through the group commit: batched with every other append in flight, answered once durable. */
    @Override
    public Appended append(NewMessage m) {
        return groupCommit.start(m).await();
    }

    /** Queues the append for the group commit and returns at once: its place in the queue is taken now. */
    @Override
    public StartedAppend start(NewMessage m) {
        return groupCommit.start(m);
    }

    @Override
    public Optional<ChatMessage> findByTempId(RoomName room, String authorKey, TempId tempId) {
        return db.read(h -> findByTempId(h, room, authorKey, tempId));
    }

    @Override
    public Optional<ChatMessage> find(RoomName room, long seq) {
        return db.read(h -> find(h, room, seq));
    }

    @Override
    public List<ChatMessage> latest(RoomName room, int limit) {
        return before(room, Long.MAX_VALUE, limit);
    }

    @Override
    public List<ChatMessage> before(RoomName room, long beforeSeq, int limit) {
        if (checkLimit(limit) == 0) {
            return List.of();
        }
        return db.read(h -> h.createQuery(MessageRows.select("m.seq < :seq", "m.seq DESC"))
                .bind("room", room.key())
                .bind("seq", beforeSeq)
                .bind("limit", limit)
                .map((rs, ctx) -> MessageRows.read(rs))
                .list()).reversed();
    }

    @Override
    public List<ChatMessage> after(RoomName room, long afterSeq, int limit) {
        if (checkLimit(limit) == 0) {
            return List.of();
        }
        return db.read(h -> h.createQuery(MessageRows.select("m.seq > :seq", "m.seq"))
                .bind("room", room.key())
                .bind("seq", afterSeq)
                .bind("limit", limit)
                .map((rs, ctx) -> MessageRows.read(rs))
                .list());
    }

    @Override
    public List<ChatMessage> changedAfter(RoomName room, long afterRev, int limit) {
        if (checkLimit(limit) == 0) {
            return List.of();
        }
        return db.read(h -> h.createQuery(MessageRows.select("m.rev > :rev", "m.rev"))
                .bind("room", room.key())
                .bind("rev", afterRev)
                .bind("limit", limit)
                .map((rs, ctx) -> MessageRows.read(rs))
                .list());
    }

    @Override
    public long lastSeq(RoomName room) {
        return position(room).seq();
    }

    @Override
    public Position position(RoomName room) {
        return db.read(h -> h.createQuery("SELECT last_seq, last_rev FROM rooms WHERE name_key = :room")
                .bind("room", room.key())
                .map((rs, ctx) -> new Position(rs.getLong("last_seq"), rs.getLong("last_rev")))
                .findOne()
                .orElse(Position.EMPTY));
    }

    @Override
    public Changed change(RoomName room, long seq, Change change) {
        try {
            return db.write(h -> {
                Long rev = h.createQuery(takeRev).bind("room", room.key()).mapTo(Long.class).findOne().orElse(null);
                ChatMessage current = rev == null ? null : find(h, room, seq).orElse(null);
                if (current == null) {
                    throw new ChatException.NotFound("no message " + seq + " in room '" + room + "'");
                }
                Optional<ChatMessage> next = change.apply(current, rev);
                if (next.isEmpty()) {
                    throw new NothingChanged(current); // rolls the rev back
                }
                ChatMessage m = next.get();
                h.createUpdate("""
                                UPDATE messages SET text = :text, edited_at = :editedAt, deleted = :deleted,
                                       reactions = :reactions, mentions = :mentions, rev = :rev
                                WHERE id = :id""")
                        .bind("text", m.text().value())
                        .bind("editedAt", m.editedAt() == null ? null : Timestamps.utcValue(Timestamps.stored(m.editedAt())))
                        .bind("deleted", m.deleted())
                        .bind("reactions", MessageRows.reactionsColumn(m.reactions()))
                        .bind("mentions", MessageRows.mentionsColumn(m.mentions()))
                        .bind("rev", m.rev())
                        .bind("id", m.id())
                        .execute();
                return new Changed(m, true);
            });
        } catch (NothingChanged unchanged) {
            return new Changed(unchanged.current, false);
        }
    }

    /**
     * Locks the marker's row only, never the room's: markers moving must not queue behind (or hold up) the appends of a
     * busy room. The UPDATE moves a marker only forward, atomically; a first marker is inserted, and an insert that
     * loses a race with another for the same reader is retried as the UPDATE.
     */
    @Override
    public OptionalLong markRead(RoomName room, String identityKey, long seq) {
        Optional<long[]> found = db.read(h -> h.createQuery("SELECT id, last_seq FROM rooms WHERE name_key = :room")
                .bind("room", room.key())
                .map((rs, ctx) -> new long[] {rs.getLong("id"), rs.getLong("last_seq")})
                .findOne());
        if (found.isEmpty()) {
            throw new ChatException.NotFound("no room named '" + room + "'");
        }
        long roomId = found.get()[0];
        long upTo = Math.min(seq, found.get()[1]);
        if (upTo < 1) {
            return OptionalLong.empty();
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return db.write(h -> {
                    int moved = h.createUpdate("""
                                    UPDATE read_markers SET seq = :seq
                                    WHERE room_id = :id AND reader_key = :key AND seq < :seq""")
                            .bind("id", roomId).bind("key", identityKey).bind("seq", upTo).execute();
                    if (moved > 0) {
                        return OptionalLong.of(upTo);
                    }
                    boolean exists = h.createQuery("SELECT 1 FROM read_markers WHERE room_id = :id AND reader_key = :key")
                            .bind("id", roomId).bind("key", identityKey).mapTo(Integer.class).findOne().isPresent();
                    if (exists) {
                        return OptionalLong.empty();
                    }
                    h.createUpdate("INSERT INTO read_markers (room_id, reader_key, seq) VALUES (:id, :key, :seq)")
                            .bind("id", roomId).bind("key", identityKey).bind("seq", upTo).execute();
                    return OptionalLong.of(upTo);
                });
            } catch (UniqueViolation raced) {
                if (attempt > 0) {
                    throw raced;
                }
            }
        }
    }

    @Override
    public Map<String, Unread> unread(Collection<RoomName> rooms, String identityKey, Username reader) {
        if (rooms.isEmpty()) {
            return Map.of();
        }
        List<String> keys = rooms.stream().map(RoomName::key).distinct().toList();
        // ' name ' inside ' mentions ', lower-cased: a whole-name match without LIKE, whose _ would match any character
        String needle = " " + reader.value().toLowerCase(Locale.ROOT) + " ";
        return db.read(h -> {
            Map<String, Unread> found = new LinkedHashMap<>();
            // One statement for the page of rooms; each count walks the room's (room_id, seq) index from the marker
            // on, so it costs what is unread, never the whole history. The bound seq <= last_seq, always true, is
            // for the planner: with the marker alone it guesses a third of the table and reads all of it.
            h.createQuery("""
                            SELECT r.name_key, COALESCE(k.seq, 0) AS last_read,
                                   (SELECT COUNT(*) FROM messages m
                                    WHERE m.room_id = r.id AND m.seq > COALESCE(k.seq, 0) AND m.seq <= r.last_seq
                                      AND m.deleted = FALSE AND m.author_key <> :reader) AS unread,
                                   (SELECT COUNT(*) FROM messages m
                                    WHERE m.room_id = r.id AND m.seq > COALESCE(k.seq, 0) AND m.seq <= r.last_seq
                                      AND m.deleted = FALSE AND m.author_key <> :reader AND m.mentions IS NOT NULL
                                      AND POSITION(:needle IN ' ' || LOWER(m.mentions) || ' ') > 0) AS mentions
                            FROM rooms r
                            LEFT JOIN read_markers k ON k.room_id = r.id AND k.reader_key = :reader
                            WHERE r.name_key IN (<keys>)""")
                    .bind("needle", needle)
                    .bind("reader", identityKey)
                    .bindList("keys", keys)
                    .map((rs, ctx) -> {
                        found.put(rs.getString("name_key"),
                                new Unread(rs.getLong("last_read"), rs.getLong("unread"), rs.getLong("mentions")));
                        return null;
                    })
                    .list();
            return found;
        });
    }

    private static Optional<ChatMessage> find(Handle h, RoomName room, long seq) {
        return h.createQuery(MessageRows.select("m.seq = :seq", "m.seq"))
                .bind("room", room.key())
                .bind("seq", seq)
                .bind("limit", 1)
                .map((rs, ctx) -> MessageRows.read(rs))
                .findOne();
    }

    private static Optional<ChatMessage> findByTempId(Handle h, RoomName room, String authorKey, TempId tempId) {
        return h.createQuery(MessageRows.select("m.author_key = :authorKey AND m.temp_id = :tempId", "m.seq"))
                .bind("room", room.key())
                .bind("limit", 1)
                .bind("authorKey", authorKey)
                .bind("tempId", tempId.value())
                .map((rs, ctx) -> MessageRows.read(rs))
                .findOne();
    }

    private static int checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return limit;
    }

    /** A change that changed nothing: rolls its transaction back (the rev it took is given back). */
    private static final class NothingChanged extends RuntimeException {
        final transient ChatMessage current;

        NothingChanged(ChatMessage current) {
            super(null, null, false, false);
            this.current = current;
        }
    }
}
