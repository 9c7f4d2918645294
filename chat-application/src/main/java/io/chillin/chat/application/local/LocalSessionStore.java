package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.Revocation;
import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.port.out.SessionStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/** Sessions in this process's memory: a restart logs everybody out, which a single instance may accept. */
public final class LocalSessionStore implements SessionStore {

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    /** The newest revocations, oldest first; guarded by itself. */
    private final ArrayDeque<Revocation> revocations = new ArrayDeque<>();
    private long lastRevocation;

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
        if (sessions.remove(tokenHash) != null) {
            revoke(number -> Revocation.ofSession(number, tokenHash));
        }
    }

    @Override
    public void deleteAllOf(String identityKey) {
        if (sessions.values().removeIf(s -> s.identity().key().equals(identityKey))) {
            revoke(number -> Revocation.ofIdentity(number, identityKey));
        }
    }

    private void revoke(LongFunction<Revocation> numbered) {
        synchronized (revocations) {
            revocations.addLast(numbered.apply(++lastRevocation));
            if (revocations.size() > REVOCATIONS_KEPT) {
                revocations.removeFirst();
            }
        }
    }

    @Override
    public long lastRevocation() {
        synchronized (revocations) {
            return lastRevocation;
        }
    }

    @Override
    public List<Revocation> revocationsAfter(long after, int max) {
        synchronized (revocations) {
            List<Revocation> found = new ArrayList<>();
            for (Revocation r : revocations) {
                if (r.number() > after && found.size() < max) {
                    found.add(r);
                }
            }
            return found;
        }
    }
}
