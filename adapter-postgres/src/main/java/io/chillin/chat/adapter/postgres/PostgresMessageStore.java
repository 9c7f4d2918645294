package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Each room's history in the {@code messages} table. A room's {@code last_seq} column hands out its seqs:
 * the row lock taken by incrementing it queues concurrent appends to that room until each commits, so
 * the seqs have no gaps and no repeats on any instance. Appends go through {@link GroupCommit}: many per transaction.
 */
public final class PostgresMessageStore implements MessageStore {

    private static final String SELECT = """
            SELECT m.id, r.name AS room, m.seq, m.author, m.author_key, m.text, m.created_at, m.temp_id
            FROM messages m JOIN rooms r ON r.id = m.room_id
            WHERE r.name_key = :room""";

    private final Database db;
    private final GroupCommit groupCommit;

    public PostgresMessageStore(Database db) {
        this(db, GroupCommitSettings.DEFAULT);
    }

    public PostgresMessageStore(Database db, GroupCommitSettings appends) {
        this.db = Objects.requireNonNull(db);
        this.groupCommit = new GroupCommit(db, m -> findByTempId(m.room(), m.authorKey(), m.tempId()), appends);
        db.closeWithDatabase(groupCommit);
    }

    /** Appends through the group commit: batched with every other append in flight, answered once durable. */
    @Override
    public Appended append(NewMessage m) {
        return groupCommit.append(m);
    }

    @Override
    public Optional<ChatMessage> findByTempId(RoomName room, String authorKey, TempId tempId) {
        return db.read(h -> findByTempId(h, room, authorKey, tempId));
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
        return db.read(h -> h.createQuery(SELECT + " AND m.seq < :seq ORDER BY m.seq DESC LIMIT :limit")
                .bind("room", room.key())
                .bind("seq", beforeSeq)
                .bind("limit", limit)
                .map(PostgresMessageStore::message)
                .list()).reversed();
    }

    @Override
    public List<ChatMessage> after(RoomName room, long afterSeq, int limit) {
        if (checkLimit(limit) == 0) {
            return List.of();
        }
        return db.read(h -> h.createQuery(SELECT + " AND m.seq > :seq ORDER BY m.seq LIMIT :limit")
                .bind("room", room.key())
                .bind("seq", afterSeq)
                .bind("limit", limit)
                .map(PostgresMessageStore::message)
                .list());
    }

    @Override
    public long lastSeq(RoomName room) {
        return db.read(h -> h.createQuery("SELECT last_seq FROM rooms WHERE name_key = :room")
                .bind("room", room.key())
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    }

    private static Optional<ChatMessage> findByTempId(Handle h, RoomName room, String authorKey, TempId tempId) {
        return h.createQuery(SELECT + " AND m.author_key = :authorKey AND m.temp_id = :tempId")
                .bind("room", room.key())
                .bind("authorKey", authorKey)
                .bind("tempId", tempId.value())
                .map(PostgresMessageStore::message)
                .findOne();
    }

    private static int checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return limit;
    }

    private static ChatMessage message(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ChatMessage(rs.getLong("id"), RoomName.of(rs.getString("room")), rs.getLong("seq"),
                Username.of(rs.getString("author")), rs.getString("author_key"), MessageText.of(rs.getString("text")),
                Timestamps.read(rs, "created_at"), TempId.of(rs.getString("temp_id")));
    }
}
