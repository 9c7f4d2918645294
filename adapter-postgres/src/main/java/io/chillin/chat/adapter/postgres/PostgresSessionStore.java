package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.port.out.Revocation;
import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.port.out.SessionStore;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Sessions in the {@code sessions} table: they survive a restart, and an admin tool working on the same
 * database can end them. Expired rows are swept now and then on save. Each delete that ended something writes a
 * numbered row in {@code session_revocations} in the same transaction; rows older than an hour are swept with
 * the expired sessions.
 */
public final class PostgresSessionStore implements SessionStore {

    /** Sweep expired sessions on roughly one save in this many. */
    private static final int SWEEP_EVERY = 100;
    /** Revocations are kept at least this long (and at least the newest {@link #REVOCATIONS_KEPT}). */
    private static final Duration REVOCATION_RETENTION = Duration.ofHours(1);

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
            db.write(h -> h.createUpdate("""
                            DELETE FROM session_revocations WHERE revoked_at < :before
                            AND number <= (SELECT last FROM session_revocation_counter WHERE id = 1) - :kept""")
                    .bind("before", Timestamps.utc(clock.instant().minus(REVOCATION_RETENTION)))
                    .bind("kept", REVOCATIONS_KEPT)
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
        db.write(h -> {
            if (h.createUpdate("DELETE FROM sessions WHERE token_hash = :hash").bind("hash", tokenHash).execute() > 0) {
                revoke(h, tokenHash, null);
            }
            return null;
        });
    }

    @Override
    public void deleteAllOf(String identityKey) {
        db.write(h -> {
            if (h.createUpdate("DELETE FROM sessions WHERE identity_key = :key").bind("key", identityKey).execute() > 0) {
                revoke(h, null, identityKey);
            }
            return null;
        });
    }

    /** Writes the next revocation; the counter row stays locked until the transaction ends, so numbers show in order. */
    private void revoke(Handle h, String tokenHash, String identityKey) {
        h.createUpdate("UPDATE session_revocation_counter SET last = last + 1 WHERE id = 1").execute();
        long number = h.createQuery("SELECT last FROM session_revocation_counter WHERE id = 1").mapTo(Long.class).one();
        h.createUpdate("""
                        INSERT INTO session_revocations (number, token_hash, identity_key, revoked_at)
                        VALUES (:number, :hash, :key, :at)""")
                .bind("number", number)
                .bind("hash", tokenHash)
                .bind("key", identityKey)
                .bind("at", Timestamps.utc(clock.instant()))
                .execute();
    }

    @Override
    public long lastRevocation() {
        return db.read(h -> h.createQuery("SELECT last FROM session_revocation_counter WHERE id = 1")
                .mapTo(Long.class).one());
    }

    @Override
    public List<Revocation> revocationsAfter(long after, int max) {
        return db.read(h -> h.createQuery("""
                        SELECT number, token_hash, identity_key FROM session_revocations
                        WHERE number > :after ORDER BY number LIMIT :max""")
                .bind("after", after)
                .bind("max", max)
                .map((rs, ctx) -> new Revocation(rs.getLong("number"), rs.getString("token_hash"),
                        rs.getString("identity_key")))
                .list());
    }
}
