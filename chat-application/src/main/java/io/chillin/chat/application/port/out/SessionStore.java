package io.chillin.chat.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Sessions by token hash, each with its creation time and expiry. Expiry is decided by the caller; a store may
 * also forget expired sessions on its own.
 */
public interface SessionStore {

    void save(Session session);

    Optional<Session> find(String tokenHash);

    /** Moves the expiry of a session (sliding expiry); does nothing for an unknown one. */
    void extend(String tokenHash, Instant expiresAt);

    /** Ends one session; does nothing for an unknown one. */
    void delete(String tokenHash);

    /** Ends every session of an identity (its key, see {@code Identity}). */
    void deleteAllOf(String identityKey);
}
