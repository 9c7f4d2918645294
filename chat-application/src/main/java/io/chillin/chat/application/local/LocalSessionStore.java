package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.Revocation;
import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.port.out.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * Sessions in this process's memory: a restart logs everybody out, which a single instance may accept. Expired
 * sessions are swept now and then on save, so abandoned guests do not pile up.
 */
public final class LocalSessionStore implements SessionStore {

    /** Sweep expired sessions on one save in this many. */
    private static final int SWEEP_EVERY = 100;

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicInteger savesSinceSweep = new AtomicInteger();
    /** The newest revocations, oldest first; guarded by itself. */
    private final ArrayDeque<Revocation> revocations = new ArrayDeque<>();
    private long lastRevocation;

    public LocalSessionStore(Clock clock) {
        this.clock = clock;
    }

    /** Sessions on the system clock. */
    public LocalSessionStore() {
        this(Clock.systemUTC());
    }

    @Override
    public void save(Session session) {
        sessions.put(session.tokenHash(), session);
        if (savesSinceSweep.incrementAndGet() >= SWEEP_EVERY) {
            savesSinceSweep.set(0);
            Instant now = clock.instant();
            // expired, not revoked: their connections end by their expiry, so no revocation is written
            sessions.values().removeIf(s -> !s.expiresAt().isAfter(now));
        }
    }

    /** Number of sessions held, expired ones not yet swept included. */
    public int size() {
        return sessions.size();
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
