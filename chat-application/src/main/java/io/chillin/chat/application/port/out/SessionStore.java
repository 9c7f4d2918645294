package io.chillin.chat.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sessions by token hash, each with its creation time and expiry. Expiry is decided by the caller; a store may
 * also forget expired sessions on its own.
 *
 * <p>Every {@link #delete} or {@link #deleteAllOf} that ended something is also written down as a numbered
 * {@link Revocation}, so that each server instance (and each process sharing the store, such as the admin CLI)
 * can close the live connections of those sessions: {@link #revocationsAfter} reads them in order.
 */
public interface SessionStore {

    /** How many of the newest revocations a store keeps at least. */
    int REVOCATIONS_KEPT = 1000;

    void save(Session session);

    Optional<Session> find(String tokenHash);

    /** Moves the expiry of a session (sliding expiry); does nothing for an unknown one. */
    void extend(String tokenHash, Instant expiresAt);

    /** Ends one session; does nothing for an unknown one. */
    void delete(String tokenHash);

    /** Ends every session of an identity (its key, see {@code Identity}). */
    void deleteAllOf(String identityKey);

    /** The number of the newest revocation, 0 before the first: where a new reader starts. */
    long lastRevocation();

    /**
     * The revocations numbered above {@code after}, oldest first, at most {@code max} of them. A reader that
     * finds the first one numbered above {@code after + 1} has missed some that the store no longer keeps.
     */
    List<Revocation> revocationsAfter(long after, int max);
}
