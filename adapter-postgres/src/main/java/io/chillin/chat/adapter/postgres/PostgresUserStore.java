package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.port.out.UserStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Accounts in the {@code users} table, unique by the name's case-insensitive key and by its skeleton. */
public final class PostgresUserStore implements UserStore {

    private static final String COLUMNS = "username, password_hash, email, created_at";

    private final Database db;
    private final Clock clock;

    /** The clock only stamps {@code updated_at}, a trail for operators that the port does not expose. */
    public PostgresUserStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public void create(User user) {
        try {
            db.write(h -> insert(h, user, user.createdAt(), false));
        } catch (UniqueViolation e) {
            Username name = user.username();
            throw findLookAlike(name).map(holder -> name.takenBy(holder.username()))
                    .orElseGet(() -> new ChatException.Conflict("username '" + name + "' is already taken"));
        }
    }

    @Override
    public Optional<User> find(Username username) {
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE username_key = :key")
                .bind("key", username.key())
                .map(PostgresUserStore::user)
                .findOne());
    }

    @Override
    public List<User> findAll(Collection<Username> usernames) {
        if (usernames.isEmpty()) {
            return List.of();
        }
        return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM users WHERE username_key IN (<keys>)")
                .bindList("keys", usernames.stream().map(Username::key).distinct().toList())
                .map(PostgresUserStore::user)
                .list());
    }

    /** Each half goes by its own unique index (an OR of the two would not, on H2); the key's holder comes first. */
    @Override
    public Optional<User> findLookAlike(Username username) {
        return db.read(h -> h.createQuery("SELECT 0 AS match_order, " + COLUMNS + " FROM users WHERE username_key = :key"
                        + " UNION ALL SELECT 1 AS match_order, " + COLUMNS + " FROM users WHERE name_skeleton = :skeleton"
                        + " ORDER BY match_order LIMIT 1")
                .bind("key", username.key())
                .bind("skeleton", username.skeleton())
                .map(PostgresUserStore::user)
                .findOne());
    }

    @Override
    public void updatePasswordHash(Username username, String passwordHash) {
        Objects.requireNonNull(passwordHash, "passwordHash");
        int updated = db.write(h -> h.createUpdate(
                        "UPDATE users SET password_hash = :hash, updated_at = :now WHERE username_key = :key")
                .bind("hash", passwordHash)
                .bind("now", Timestamps.utc(Timestamps.stored(clock.instant())))
                .bind("key", username.key())
                .execute());
        if (updated == 0) {
            throw new ChatException.NotFound("no user named '" + username + "'");
        }
    }

    @Override
    public void delete(Username username) {
        int deleted = db.write(h -> h.createUpdate("DELETE FROM users WHERE username_key = :key")
                .bind("key", username.key())
                .execute());
        if (deleted == 0) {
            throw new ChatException.NotFound("no user named '" + username + "'");
        }
    }

    @Override
    public boolean isAdmin(Username username) {
        return db.read(h -> h.createQuery("SELECT is_admin FROM users WHERE username_key = :key")
                .bind("key", username.key())
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false));
    }

    @Override
    public void setAdmin(Username username, boolean admin) {
        int updated = db.write(h -> h.createUpdate("UPDATE users SET is_admin = :admin WHERE username_key = :key")
                .bind("admin", admin)
                .bind("key", username.key())
                .execute());
        if (updated == 0) {
            throw new ChatException.NotFound("no user named '" + username + "'");
        }
    }

    @Override
    public List<User> list() {
        List<User> users = db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM users").map(PostgresUserStore::user).list());
        // Sorted here rather than by ORDER BY: the database's collation would order names differently from
        // one server to the next, and from the in-memory store.
        return users.stream().sorted(Comparator.comparing(u -> u.username().key())).toList();
    }

    private static User user(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(Username.of(rs.getString("username")), rs.getString("password_hash"), rs.getString("email"),
                Timestamps.read(rs, "created_at"));
    }

    /**
     * Inserts the row of a user. With {@code skipIfTaken} (an import) a taken name inserts nothing, and a look-alike of
     * a stored name is inserted without its skeleton, as names from before the rule are. Returns the rows inserted.
     */
    static int insert(Handle h, User user, Instant updatedAt, boolean skipIfTaken) {
        Username name = user.username();
        int inserted = h.createUpdate("""
                        INSERT INTO users (username, username_key, name_skeleton, password_hash, email, created_at,
                                           updated_at)
                        VALUES (:username, :key, :skeleton, :hash, :email, :createdAt, :updatedAt)"""
                        + (skipIfTaken ? " ON CONFLICT DO NOTHING" : ""))
                .bind("username", name.value())
                .bind("key", name.key())
                .bind("skeleton", skipIfTaken ? null : name.skeleton())
                .bind("hash", user.passwordHash())
                .bind("email", user.email())
                .bind("createdAt", Timestamps.utc(Timestamps.stored(user.createdAt())))
                .bind("updatedAt", Timestamps.utc(Timestamps.stored(updatedAt)))
                .execute();
        if (skipIfTaken && inserted == 1) {
            NameSkeletons.claim(h, NameSkeletons.Names.USERS, name.key(), name.skeleton());
        }
        return inserted;
    }
}
