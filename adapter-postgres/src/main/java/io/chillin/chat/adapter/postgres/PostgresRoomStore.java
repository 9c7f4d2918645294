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

/**
 * Rooms in the {@code rooms} table, unique by the name's case-insensitive key and by its skeleton. Pages go in {@code name_key} order,
 * which the unique key's index serves; keys compare in the database's collation, the same for every instance.
 */
public final class PostgresRoomStore implements RoomStore {

    private static final String COLUMNS = "name, description, creator, password_hash, created_at, quick_join";
    /** Disposable: made by a quick-join, public, no message (last_seq counts them; the messages are checked too). */
    private static final String DISPOSABLE = """
            quick_join = TRUE AND password_hash IS NULL AND last_seq = 0
            AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.room_id = rooms.id)""";
    /** A page of the list: the unique key's index on name_key gives the rows in order, so no sort and no full scan. */
    static final String PAGE = "SELECT " + COLUMNS + " FROM rooms WHERE name_key > :after ORDER BY name_key LIMIT :limit";
    static final String DISPOSABLE_PAGE = "SELECT " + COLUMNS + " FROM rooms WHERE name_key > :after AND " + DISPOSABLE
            + " ORDER BY name_key LIMIT :limit";

    private final Database db;

    public PostgresRoomStore(Database db) {
        this.db = Objects.requireNonNull(db);
    }

    @Override
    public void create(Room room) {
        try {
            db.write(h -> insert(h, room, false));
        } catch (UniqueViolation e) {
            RoomName name = room.name();
            throw findLookAlike(name).map(holder -> name.takenBy(holder.name()))
                    .orElseGet(() -> new ChatException.Conflict("room '" + name + "' already exists"));
        }
    }

    @Override
    public Optional<Room> find(RoomName name) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM rooms WHERE name_key = :key")
                .bind("key", name.key())
                .map(PostgresRoomStore::room)
                .findOne());
    }

    /** Each half goes by its own unique index (an OR of the two would not, on H2); the key's holder comes first. */
    @Override
    public Optional<Room> findLookAlike(RoomName name) {
        return db.read(h -> h.createQuery("SELECT 0 AS match_order, " + COLUMNS + " FROM rooms WHERE name_key = :key"
                        + " UNION ALL SELECT 1 AS match_order, " + COLUMNS + " FROM rooms WHERE name_skeleton = :skeleton"
                        + " ORDER BY match_order LIMIT 1")
                .bind("key", name.key())
                .bind("skeleton", name.skeleton())
                .map(PostgresRoomStore::room)
                .findOne());
    }

    @Override
    public List<Room> page(String afterKey, int limit) {
        return db.read(h -> h.createQuery(PAGE)
                .bind("after", afterKey)
                .bind("limit", limit)
                .map(PostgresRoomStore::room)
                .list());
    }

    @Override
    public List<Room> disposable(String afterKey, int limit) {
        return db.read(h -> h.createQuery(DISPOSABLE_PAGE)
                .bind("after", afterKey)
                .bind("limit", limit)
                .map(PostgresRoomStore::room)
                .list());
    }

    /**
     * One statement: the row lock it takes queues it behind an append in progress, whose new last_seq then keeps the
     * room; an append behind it finds no room.
     */
    @Override
    public boolean deleteIfDisposable(RoomName name) {
        return db.write(h -> h.createUpdate("DELETE FROM rooms WHERE name_key = :key AND " + DISPOSABLE)
                .bind("key", name.key())
                .execute()) > 0;
    }

    @Override
    public void delete(RoomName name) {
        int deleted = db.write(h -> {
            h.createUpdate("DELETE FROM read_markers WHERE room_id IN (SELECT id FROM rooms WHERE name_key = :key)")
                    .bind("key", name.key())
                    .execute();
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

    /**
     * Inserts the row of a room. With {@code skipIfTaken} (an import) a taken name inserts nothing, and a look-alike of
     * a stored name is inserted without its skeleton, as names from before the rule are. Returns the rows inserted.
     */
    static int insert(Handle h, Room room, boolean skipIfTaken) {
        RoomName name = room.name();
        int inserted = h.createUpdate("""
                        INSERT INTO rooms (name, name_key, name_skeleton, description, creator, password_hash, created_at,
                                           quick_join)
                        VALUES (:name, :key, :skeleton, :description, :creator, :hash, :createdAt, :quickJoin)"""
                        + (skipIfTaken ? " ON CONFLICT DO NOTHING" : ""))
                .bind("name", name.value())
                .bind("key", name.key())
                .bind("skeleton", skipIfTaken ? null : name.skeleton())
                .bind("description", room.description().value())
                .bind("creator", room.creator().value())
                .bind("hash", room.passwordHash())
                .bind("createdAt", Timestamps.utc(Timestamps.stored(room.createdAt())))
                .bind("quickJoin", room.quickJoin())
                .execute();
        if (skipIfTaken && inserted == 1) {
            NameSkeletons.claim(h, NameSkeletons.Names.ROOMS, name.key(), name.skeleton());
        }
        return inserted;
    }

    private static Room room(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Room(RoomName.of(rs.getString("name")), RoomDescription.of(rs.getString("description")),
                Username.of(rs.getString("creator")), rs.getString("password_hash"), Timestamps.read(rs, "created_at"),
                rs.getBoolean("quick_join"));
    }
}
