package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.Emoji;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.Reaction;
import io.chillin.chat.domain.message.ReplyQuote;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code messages} rows: the one INSERT, shared by live appends ({@link GroupCommit}) and imports (one JDBC batch),
 * the one SELECT of a message in its current state (with the quote of the message it answers, read as that one is
 * now), and how reactions and mentions are kept in a column each.
 */
final class MessageRows {

    /** A message about to be stored in room {@code roomId} with {@code seq} and {@code rev}. */
    record Row(long roomId, long seq, long rev, NewMessage message) {
    }

    private static final String INSERT = """
            INSERT INTO messages (room_id, seq, rev, author, author_key, temp_id, text, created_at, reply_to, mentions)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /**
     * The messages of room {@code :room} that {@code condition} (on {@code m}) picks, in {@code order}, at most
     * {@code :limit} of them, each with the quote of the message it answers. The room's id is looked up first and
     * the page cut before anything is joined to it, so the page is a walk of the room's index from where it starts:
     * with the room joined, or the quotes, the planner may read and sort the whole history instead (seconds at
     * 10 M messages, where this takes a fraction of a millisecond).
     */
    static String select(String condition, String order) {
        return """
                SELECT m.id, r.name AS room, m.seq, m.author, m.author_key, m.text, m.created_at, m.temp_id, m.rev,
                       m.edited_at, m.deleted, m.reply_to, m.reactions, m.mentions,
                       p.author AS reply_author, p.text AS reply_text, p.deleted AS reply_deleted
                FROM (SELECT m.* FROM messages m
                      WHERE m.room_id = (SELECT id FROM rooms WHERE name_key = :room) AND %s
                      ORDER BY %s LIMIT :limit) m
                JOIN rooms r ON r.id = m.room_id
                LEFT JOIN messages p ON p.room_id = m.room_id AND p.seq = m.reply_to
                ORDER BY %s""".formatted(condition, order, order);
    }

    private MessageRows() {
    }

    /** Inserts the rows in one round trip and returns their generated ids, in the rows' order. */
    static long[] insert(Connection c, List<Row> rows) throws SQLException {
        long[] ids = new long[rows.size()];
        if (rows.isEmpty()) {
            return ids;
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT, new String[] {"id"})) {
            for (Row row : rows) {
                NewMessage m = row.message();
                insert.setLong(1, row.roomId());
                insert.setLong(2, row.seq());
                insert.setLong(3, row.rev());
                insert.setString(4, m.author().value());
                insert.setString(5, m.authorKey());
                insert.setString(6, m.tempId().value());
                insert.setString(7, m.text().value());
                insert.setObject(8, Timestamps.utcValue(Timestamps.stored(m.timestamp())));
                if (m.replyTo() == null) {
                    insert.setNull(9, Types.BIGINT);
                } else {
                    insert.setLong(9, m.replyTo());
                }
                insert.setString(10, mentionsColumn(m.mentions()));
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (int i = 0; i < ids.length; i++) {
                    if (!keys.next()) {
                        throw new SQLException("the driver returned " + i + " generated ids for " + ids.length + " rows");
                    }
                    ids[i] = keys.getLong(1);
                }
            }
        }
        return ids;
    }

    /** A row of {@link #SELECT}. */
    static ChatMessage read(ResultSet rs) throws SQLException {
        long replyTo = rs.getLong("reply_to");
        ReplyQuote quote = null;
        if (!rs.wasNull()) {
            String replyAuthor = rs.getString("reply_author");
            quote = replyAuthor == null ? null : ReplyQuote.of(replyTo, Username.of(replyAuthor),
                    rs.getString("reply_text"), rs.getBoolean("reply_deleted"));
        }
        Instant editedAt = rs.getObject("edited_at") == null ? null : Timestamps.read(rs, "edited_at");
        return new ChatMessage(rs.getLong("id"), RoomName.of(rs.getString("room")), rs.getLong("seq"),
                Username.of(rs.getString("author")), rs.getString("author_key"), MessageText.stored(rs.getString("text")),
                Timestamps.read(rs, "created_at"), TempId.of(rs.getString("temp_id")), rs.getLong("rev"), editedAt,
                rs.getBoolean("deleted"), quote, reactions(rs.getString("reactions")), mentions(rs.getString("mentions")));
    }

    static String mentionsColumn(List<Username> mentions) {
        return mentions.isEmpty() ? null : mentions.stream().map(Username::value).collect(Collectors.joining(" "));
    }

    static String reactionsColumn(List<Reaction> reactions) {
        if (reactions.isEmpty()) {
            return null;
        }
        return reactions.stream()
                .map(r -> r.emoji().value() + " " + r.users().stream().map(Username::value).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n"));
    }

    private static List<Username> mentions(String column) {
        return column == null || column.isEmpty() ? List.of() : Arrays.stream(column.split(" ")).map(Username::of).toList();
    }

    private static List<Reaction> reactions(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        List<Reaction> reactions = new ArrayList<>();
        for (String line : column.split("\n")) {
            String[] parts = line.split(" ");
            List<Username> users = Arrays.stream(parts, 1, parts.length).map(Username::of).toList();
            reactions.add(new Reaction(Emoji.of(parts[0]), users));
        }
        return reactions;
    }
}
