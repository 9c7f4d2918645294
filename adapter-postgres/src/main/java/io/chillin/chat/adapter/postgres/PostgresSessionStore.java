package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.port.out.SessionStore;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sessions in the {@code sessions} table: they survive a restart, and an admin tool working on the same
 * database can end them. Expired rows are swept now and then on save.
 */
public final class PostgresSessionStore implements SessionStore {

    /** Sweep expired sessions on roughly one save in this many. */
    private static final int SWEEP_EVERY = 100;

    private final Database db;
    private final Clock clock;
    private int savesSinceSweep;

    public PostgresSessionStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public void save(Session session) {
        Identity identity = session.identity();
        db.write(h -> h.createUpdate("""
                        INSERT INTO sessions (token_hash, identity_key, username, guest, created_at, expires_at)
                        VALUES (:hash, :key, :username, :guest, :createdAt, :expiresAt)""")
                .bind("hash", session.tokenHash())
                .bind("key", identity.key())
                .bind("username", identity.name().value())
                .bind("guest", identity.guest())
                .bind("createdAt", Timestamps.utc(Timestamps.stored(session.createdAt())))
                .bind("expiresAt", Timestamps.utc(Timestamps.stored(session.expiresAt())))
                .execute());
        if (timeToSweep()) {
            db.write(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at < :now")
                    .bind("now", Timestamps.utc(clock.instant()))
                    .execute());
        }
    }

    private synchronized boolean timeToSweep() {
        if (++savesSinceSweep < SWEEP_EVERY) {
            return false;
        }
        savesSinceSweep = 0;
        return true;
    }

    @Override
    public Optional<Session> find(String tokenHash) {
        return db.read(h -> h.createQuery(
                        "SELECT token_hash, identity_key, username, guest, created_at, expires_at FROM sessions"
                                + " WHERE token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Session(rs.getString("token_hash"),
                        new Identity(Username.of(rs.getString("username")), rs.getBoolean("guest"),
                                rs.getString("identity_key")),
                        Timestamps.read(rs, "created_at"), Timestamps.read(rs, "expires_at")))
                .findOne());
    }

    @Override
    public void extend(String tokenHash, Instant expiresAt) {
        db.write(h -> h.createUpdate("UPDATE sessions SET expires_at = :expiresAt WHERE token_hash = :hash")
                .bind("expiresAt", Timestamps.utc(Timestamps.stored(expiresAt)))
                .bind("hash", tokenHash)
                .execute());
    }

    @Override
    public void delete(String tokenHash) {
        db.write(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash).execute());
    }

    @Override
    public void deleteAllOf(String identityKey) {
        db.write(h -> h.createUpdate("DELETE FROM sessions WHERE identity_key = :key").bind("key", identityKey).execute());
    }
}
