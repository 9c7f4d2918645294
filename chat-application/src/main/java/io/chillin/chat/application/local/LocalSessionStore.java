package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.port.out.SessionStore;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions in this process's memory: a restart logs everybody out, which a single instance may accept. */
public final class LocalSessionStore implements SessionStore {

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public void save(Session session) {
        sessions.put(session.tokenHash(), session);
    }

    @Override
    public Optional<Session> find(String tokenHash) {
        return Optional.ofNullable(sessions.get(tokenHash));
    }

    @Override
    public void extend(String tokenHash, Instant expiresAt) {
        sessions.computeIfPresent(tokenHash, (k, s) -> s.expiringAt(expiresAt));
    }

    @Override
    public void delete(String tokenHash) {
        sessions.remove(tokenHash);
    }

    @Override
    public void deleteAllOf(String identityKey) {
        sessions.values().removeIf(s -> s.identity().key().equals(identityKey));
    }
}
