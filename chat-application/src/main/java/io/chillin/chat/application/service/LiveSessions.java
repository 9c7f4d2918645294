package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.AddressSlot;
import io.chillin.chat.application.port.in.Admission;
import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.EventSink;
import io.chillin.chat.application.port.in.OpenConnectionUseCase;
import io.chillin.chat.application.port.out.Revocation;
import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.port.out.SessionStore;
import io.chillin.chat.domain.ChatException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections opened with a token, each ended when its session ends. Sessions end in the session store
 * (a logout on any instance, the admin CLI, an expiry found on a request), which writes each end down as a
 * numbered {@link Revocation}; {@link #checkSessions} reads the new ones a few times a second and ends the
 * matching connections here. It also ends the connections whose sessions expired while they were open.
 */
public final class LiveSessions implements OpenConnectionUseCase {

    private static final Logger LOG = System.getLogger(LiveSessions.class.getName());
    /** Revocations read per store round trip. */
    private static final int READ_BATCH = 500;
    /** Revocations remembered after they were applied, for connections admitted just before and opened after. */
    private static final int RECENT_KEPT = 1000;
    /** What a client refused for a cap is asked to wait: caps free up as connections close. */
    private static final Duration CAP_RETRY = Duration.ofSeconds(5);

    private final AccountService accounts;
    private final SessionStore sessions;
    private final UsageGuard usage;
    private final Clock clock;
    /** Every open connection, with or without a token, and how many each address holds. */
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();
    private final Map<Connection, Tracked> live = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> bySession = new ConcurrentHashMap<>();
    private final Map<String, Set<Connection>> byIdentity = new ConcurrentHashMap<>();
    /** The newest revocations applied, oldest first; guarded by this. */
    private final ArrayDeque<Revocation> recent = new ArrayDeque<>();
    /** The number of the newest revocation applied; guarded by this for writes. */
    private volatile long read;

    public LiveSessions(AccountService accounts, SessionStore sessions, UsageGuard usage, Clock clock) {
        this.usage = usage;
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
        // Revocations before this process started concern no connection of it.
        this.read = sessions.lastRevocation();
    }

    /** What is known of one connection's session; {@code expiresAt} moves as the session slides. */
    private static final class Tracked {
        final String tokenHash;
        final String identityKey;
        final Session session;
        volatile Instant expiresAt;

        Tracked(Session session) {
            this.session = session;
            this.tokenHash = session.tokenHash();
            this.identityKey = session.identity().key();
            this.expiresAt = session.expiresAt();
        }
    }

    /** This instance's open connections of one identity that came with a token (an account's, or a guest's token). */
    public Set<Connection> connectionsOf(String identityKey) {
        Set<Connection> held = byIdentity.get(identityKey);
        return held == null ? Set.of() : Set.copyOf(held);
    }

    @Override
    public Admission admit(String token) {
        long readBefore = read;
        Session session = accounts.session(token);
        checkUserCap(session.identity().key());
        return new Admission(session, readBefore);
    }

    private void checkUserCap(String identityKey) {
        Set<Connection> held = byIdentity.get(identityKey);
        int cap = usage.limits().connectionsPerUser();
        if (held != null && held.size() >= cap) {
            throw new ChatException.RateLimited("a user may have at most " + cap + " connections open here: close one",
                    CAP_RETRY);
        }
    }

    /** The check and the count in one step per address (its map entry's compute), so racing upgrades cannot pass together. */
    @Override
    public AddressSlot reserve(String address) {
        int cap = usage.limits().connectionsPerAddress();
        boolean exempt = usage.exempt(address);
        byAddress.compute(address, (k, held) -> {
            if (held != null && held.get() >= cap && !exempt) {
                throw new ChatException.RateLimited("at most " + cap + " connections may be open from one address",
                        CAP_RETRY);
            }
            AtomicInteger count = held == null ? new AtomicInteger() : held;
            count.incrementAndGet();
            return count;
        });
        return new AddressSlot(address, () -> release(address));
    }

    private void release(String address) {
        byAddress.computeIfPresent(address, (k, n) -> n.decrementAndGet() == 0 ? null : n);
    }

    @Override
    public Connection open(Admission admission, AddressSlot slot, EventSink sink) {
        if (!slot.claim()) {
            // given back already (the upgrade was taken for failed): count it again, as an uncapped open would
            byAddress.computeIfAbsent(slot.address(), k -> new AtomicInteger()).incrementAndGet();
        }
        return opened(admission, slot.address(), sink);
    }

    @Override
    public Connection open(Admission admission, String address, EventSink sink) {
        byAddress.compute(address, (k, held) -> {
            AtomicInteger count = held == null ? new AtomicInteger() : held;
            count.incrementAndGet();
            return count;
        });
        return opened(admission, address, sink);
    }

    private Connection opened(Admission admission, String address, EventSink sink) {
        Connection connection = Connection.open(admission == null ? null : admission.identity(), address, sink);
        open.add(connection);
        if (admission != null) {
            track(connection, admission);
        }
        return connection;
    }

    @Override
    public void authenticate(Connection connection, String token) {
        connection.ensureLive();
        if (connection.identity().isPresent()) {
            // whatever the token: the socket keeps the identity it has
            throw new ChatException.Conflict("this connection already has an identity: open a new one to change it");
        }
        Admission admission = admit(token);
        if (!connection.assumeIdentity(admission.identity()).equals(admission.identity()) || live.containsKey(connection)) {
            throw new ChatException.Conflict("this connection already has an identity: open a new one to change it");
        }
        track(connection, admission);
    }

    private void track(Connection connection, Admission admission) {
        Tracked tracked = new Tracked(admission.session());
        live.put(connection, tracked);
        bySession.computeIfAbsent(tracked.tokenHash, k -> ConcurrentHashMap.newKeySet()).add(connection);
        byIdentity.computeIfAbsent(tracked.identityKey, k -> ConcurrentHashMap.newKeySet()).add(connection);
        endIfRevokedSince(connection, tracked, admission.revocationsRead());
    }

    /** A revocation read between the token check and the registration above found nothing to end: look again. */
    private synchronized void endIfRevokedSince(Connection connection, Tracked tracked, long readBefore) {
        if (read == readBefore) {
            return;
        }
        boolean forgotten = recent.isEmpty() || recent.peekFirst().number() > readBefore + 1;
        if (forgotten) {
            if (!stillValid(tracked)) {
                end(connection, "the session has ended");
            }
            return;
        }
        for (Revocation r : recent) {
            if (r.number() > readBefore && r.ends(tracked.tokenHash, tracked.identityKey)) {
                end(connection, reason(r));
                return;
            }
        }
    }

    @Override
    public void touch(Connection connection) {
        connection.ensureLive();
        Tracked tracked = live.get(connection);
        if (tracked != null && accounts.slideDue(tracked.expiresAt)) {
            tracked.expiresAt = accounts.slide(tracked.session.expiringAt(tracked.expiresAt));
        }
    }

    @Override
    public void closed(Connection connection) {
        if (open.remove(connection)) {
            release(connection.address());
        }
        untrack(connection);
    }

    private void untrack(Connection connection) {
        Tracked tracked = live.remove(connection);
        if (tracked != null) {
            forget(bySession, tracked.tokenHash, connection);
            forget(byIdentity, tracked.identityKey, connection);
        }
    }

    private static void forget(Map<String, Set<Connection>> index, String key, Connection connection) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    /** Number of open connections that came with a token. */
    public int tracked() {
        return live.size();
    }

    /**
     * Ends the connections of sessions revoked since the last call, and of sessions that expired. The server
     * calls this a few times a second from one thread.
     */
    public synchronized void checkSessions() {
        List<Revocation> found;
        do {
            found = sessions.revocationsAfter(read, READ_BATCH);
            if (!found.isEmpty() && found.get(0).number() > read + 1) {
                LOG.log(Level.WARNING, "missed " + (found.get(0).number() - read - 1)
                        + " session revocation(s) no longer kept: checking every open connection's session");
                live.forEach((connection, tracked) -> {
                    if (!stillValid(tracked)) {
                        end(connection, "the session has ended");
                    }
                });
            }
            for (Revocation r : found) {
                apply(r);
                remember(r);
                read = r.number();
            }
        } while (found.size() == READ_BATCH);
        endExpired();
    }

    private void apply(Revocation r) {
        Set<Connection> ended = r.tokenHash() != null ? bySession.get(r.tokenHash()) : byIdentity.get(r.identityKey());
        if (ended != null) {
            for (Connection connection : List.copyOf(ended)) {
                end(connection, reason(r));
            }
        }
    }

    private void remember(Revocation r) {
        recent.addLast(r);
        if (recent.size() > RECENT_KEPT) {
            recent.removeFirst();
        }
    }

    private static String reason(Revocation r) {
        return r.tokenHash() != null ? "the session was logged out" : "every session of this account was ended";
    }

    private void endExpired() {
        Instant now = clock.instant();
        live.forEach((connection, tracked) -> {
            if (!tracked.expiresAt.isAfter(now)) {
                // The session may have been slid by a request elsewhere: the store decides.
                Optional<Session> stored = sessions.find(tracked.tokenHash);
                if (stored.isPresent() && stored.get().expiresAt().isAfter(now)) {
                    tracked.expiresAt = stored.get().expiresAt();
                } else {
                    end(connection, "the session expired");
                }
            }
        });
    }

    private boolean stillValid(Tracked tracked) {
        return sessions.find(tracked.tokenHash).filter(s -> s.expiresAt().isAfter(clock.instant())).isPresent();
    }

    private void end(Connection connection, String reason) {
        untrack(connection);
        connection.end(reason);
    }
}
