package io.chillin.chat.server.fuzz;

import io.chillin.chat.adapter.postgres.DatabaseConfig;
import io.chillin.chat.server.ServerConfig;
import io.chillin.chat.server.support.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything an embedded server in this JVM has stored, read beside it over a connection of its own to the same
 * database: room and user keys, messages by id, session and revocation counts, and the avatar files.
 */
record StoreSnapshot(Set<String> rooms, Set<String> users, Map<Long, String> messages, long sessions, long revocations,
                     long avatars) {

    static StoreSnapshot of(TestServer server) {
        Path dataDir = server.dataDir();
        try (Connection c = connect(server);
             Statement s = c.createStatement()) {
            return new StoreSnapshot(strings(s, "SELECT name_key FROM rooms"), strings(s, "SELECT username_key FROM users"),
                    texts(s), count(s, "sessions"), count(s, "session_revocations"),
                    avatars(dataDir.resolve("blobs").resolve("avatars")));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the server's database", e);
        }
    }

    /** A message as stored, for a finding's report. */
    static String describeMessage(TestServer server, long id) {
        try (Connection c = connect(server);
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT r.name, m.seq, m.author, m.temp_id, m.text FROM messages m"
                     + " JOIN rooms r ON r.id = m.room_id WHERE m.id = " + id)) {
            return r.next() ? "room " + r.getString(1) + " seq " + r.getLong(2) + " by " + r.getString(3) + " tempId "
                    + r.getString(4) + ": " + r.getString(5) : "(gone)";
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the server's database", e);
        }
    }

    /** The server's own database, as its configuration names it. */
    private static Connection connect(TestServer server) throws SQLException {
        DatabaseConfig db = ServerConfig.fromEnvironment(server.env()).databaseConfig();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static Set<String> strings(Statement s, String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private static Map<Long, String> texts(Statement s) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (ResultSet r = s.executeQuery("SELECT id, text FROM messages")) {
            while (r.next()) {
                out.put(r.getLong(1), r.getString(2));
            }
        }
        return out;
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long avatars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".svg")).count();
        } catch (IOException e) {
            throw new IllegalStateException("could not list the avatars", e);
        }
    }
}
