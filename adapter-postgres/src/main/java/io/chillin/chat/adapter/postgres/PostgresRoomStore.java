package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Rooms in the {@code rooms} table, unique by the name's case-insensitive key. */
public final class PostgresRoomStore implements RoomStore {

    private static final String COLUMNS = "name, description, creator, password_hash, created_at";

    private final Database db;

    public PostgresRoomStore(Database db) {
        this.db = Objects.requireNonNull(db);
    }

    @Override
    public void create(Room room) {
        try {
            db.write(h -> insert(h, room, false));
        } catch (UniqueViolation e) {
            throw new ChatException.Conflict("room '" + room.name() + "' already exists");
        }
    }

    @Override
    public Optional<Room> find(RoomName name) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM rooms WHERE name_key = :key")
                .bind("key", name.key())
                .map(PostgresRoomStore::room)
                .findOne());
    }

    @Override
    public List<Room> list() {
        // id breaks ties between rooms created in the same millisecond, in creation order
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM rooms ORDER BY created_at, id")
                .map(PostgresRoomStore::room)
                .list());
    }

    @Override
    public void delete(RoomName name) {
        int deleted = db.write(h -> {
            h.createUpdate("DELETE FROM messages WHERE room_id IN (SELECT id FROM rooms WHERE name_key = :key)")
                    .bind("key", name.key())
                    .execute();
            return h.createUpdate("DELETE FROM rooms WHERE name_key = :key").bind("key", name.key()).execute();
        });
        if (deleted == 0) {
            throw new ChatException.NotFound("no room named '" + name + "'");
        }
    }

    @Override
    public void updatePasswordHash(RoomName name, String passwordHash) {
        int updated = db.write(h -> h.createUpdate("UPDATE rooms SET password_hash = :hash WHERE name_key = :key")
                .bind("hash", passwordHash)
                .bind("key", name.key())
                .execute());
        if (updated == 0) {
            throw new ChatException.NotFound("no room named '" + name + "'");
        }
    }

    /** Inserts the row of a room; with {@code skipIfTaken} a taken name inserts nothing. Returns the rows inserted. */
    static int insert(Handle h, Room room, boolean skipIfTaken) {
        return h.createUpdate("""
                        INSERT INTO rooms (name, name_key, description, creator, password_hash, created_at)
                        VALUES (:name, :key, :description, :creator, :hash, :createdAt)"""
                        + (skipIfTaken ? " ON CONFLICT DO NOTHING" : ""))
                .bind("name", room.name().value())
                .bind("key", room.name().key())
                .bind("description", room.description().value())
                .bind("creator", room.creator().value())
                .bind("hash", room.passwordHash())
                .bind("createdAt", Timestamps.utc(Timestamps.stored(room.createdAt())))
                .execute();
    }

    private static Room room(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Room(RoomName.of(rs.getString("name")), RoomDescription.of(rs.getString("description")),
                Username.of(rs.getString("creator")), rs.getString("password_hash"), Timestamps.read(rs, "created_at"));
    }
}
