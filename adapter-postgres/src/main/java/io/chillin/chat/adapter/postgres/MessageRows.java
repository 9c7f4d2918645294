package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.port.out.NewMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The one INSERT of message rows, shared by live appends ({@link GroupCommit}) and imports: one JDBC batch. */
final class MessageRows {

    /** A message about to be stored in room {@code roomId} with {@code seq}. */
    record Row(long roomId, long seq, NewMessage message) {
    }

    private static final String INSERT = """
            INSERT INTO messages (room_id, seq, author, author_key, temp_id, text, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

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
                insert.setString(3, m.author().value());
                insert.setString(4, m.authorKey());
                insert.setString(5, m.tempId().value());
                insert.setString(6, m.text().value());
                insert.setObject(7, Timestamps.utcValue(Timestamps.stored(m.timestamp())));
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
}
