package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.HistoryPage;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.port.out.ChatMetrics;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One room's stream on this instance: its local members, and the room's changes delivered to them exactly once and in
 * rev order, each gap filled from the store before anything newer. A stream serves one incarnation of the room (its
 * epoch, the room's creation time); a join that brings a newer one ends the old incarnation first.
 */
final class RoomStream {

    /** How many missed messages a join with sinceSeq or sinceRev returns at most. */
    static final int RESUME_LIMIT = 500;
    private static final int GAP_BATCH = 500;
    /** Early changes a room holds at most; one more fills the gap from the store at once. */
    private static final int MAX_EARLY = 256;
    private static final Logger LOG = System.getLogger(RoomStream.class.getName());

    private final RoomName room;
    private final MessageStore messages;
    private final Presence presence;
    private final Memberships memberships;
    private final ChatMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    /** Copy-on-write: a sink may close its connection while a broadcast iterates, which must not break the loop. */
    private final Set<Connection> members = new CopyOnWriteArraySet<>();
    private final RecentMessages recent = new RecentMessages();
    private long deliveredSeq;
    /** The room's rev up to which every change has been delivered. */
    private long deliveredRev;
    /** The creation time of the incarnation served; null before the first join and after the room's deletion. */
    private Instant epoch;

    /**
     * Changes that came before the ones they follow, by rev, waiting for those; since {@code earlySince} (nanoTime).
     * Guarded by the lock.
     */
    private final TreeMap<Long, ChatMessage> early = new TreeMap<>();
    private long earlySince;
    private boolean gapWatched;
    private final long reorderWindowNanos;

    RoomStream(RoomName room, MessageStore messages, Presence presence, Memberships memberships, ChatMetrics metrics,
               long reorderWindowNanos) {
        this.reorderWindowNanos = reorderWindowNanos;
        this.room = room;
        this.messages = messages;
        this.presence = presence;
        this.memberships = memberships;
        this.metrics = metrics;
    }

    RoomName room() {
        return room;
    }

    /**
     * Starts delivery to a connection and returns its history, atomically with respect to delivery: the history ends
     * exactly where live delivery begins.
     */
    HistoryPage attach(Connection connection, Room joined, Long sinceSeq, Long sinceRev) {
        lock.lock();
        try {
            // to the millisecond, as every store keeps it: a room just created in memory may carry more digits
            Instant joinedEpoch = joined.createdAt().truncatedTo(ChronoUnit.MILLIS);
            if (!joinedEpoch.equals(epoch)) {
                endIncarnation();
                epoch = joinedEpoch;
            }
            if (members.isEmpty()) {
                MessageStore.Position position = messages.position(room);
                deliveredSeq = position.seq();
                deliveredRev = position.rev();
                recent.clear();
                early.clear();
            }
            HistoryPage history = sinceRev != null ? changedSince(sinceRev)
                    : sinceSeq != null ? resume(sinceSeq) : latest();
            members.remove(connection); // a rejoin goes to the end, as a new member would
            members.add(connection);
            memberships.joined(connection, room);
            return history.withRev(deliveredRev);
        } finally {
            lock.unlock();
        }
    }

    void detach(Connection connection) {
        lock.lock();
        try {
            members.remove(connection);
            memberships.left(connection, room);
        } finally {
            lock.unlock();
        }
    }

    /** The newest seq delivered here, when this instance serves the room to anybody. */
    Optional<Long> knownSeq() {
        lock.lock();
        try {
            return members.isEmpty() ? Optional.empty() : Optional.of(deliveredSeq);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Delivers a new or changed message in rev order: at once when it is the next rev; after the ones it skipped
     * when they come within the reorder window (sends finished on different threads publish a moment out of order);
     * else the gap is filled from the store, which has every change published (publication follows the commit).
     */
    void deliverInOrder(ChatMessage message) {
        lock.lock();
        try {
            if (members.isEmpty() || message.rev() <= deliveredRev) {
                return;
            }
            if (message.rev() == deliveredRev + 1) {
                deliver(message);
                deliverEarlyInTurn();
            } else if (reorderWindowNanos == 0 || early.size() >= MAX_EARLY) {
                catchUp();
            } else {
                if (early.isEmpty()) {
                    earlySince = System.nanoTime();
                }
                early.put(message.rev(), message);
                watchGap();
            }
        } catch (RuntimeException e) {
            // The store did not answer: deliver nothing newer now; the next message or a resync fills the gap.
            LOG.log(Level.WARNING, "could not fill a gap in room " + room + "; delivery waits", e);
        } finally {
            lock.unlock();
        }
    }

    /** Delivers the early changes that are next now; caller holds the lock. */
    private void deliverEarlyInTurn() {
        if (early.isEmpty()) {
            return;
        }
        ChatMessage next;
        while ((next = early.remove(deliveredRev + 1)) != null) {
            deliver(next);
        }
        early.headMap(deliveredRev, true).clear();
        earlySince = System.nanoTime(); // what still waits waits for another gap, from now
    }

    /**
     * Makes sure a gap is filled from the store once it has been open for the reorder window, even if nothing else
     * comes for the room: one virtual thread per room while it has early changes. Caller holds the lock.
     */
    private void watchGap() {
        if (gapWatched) {
            return;
        }
        gapWatched = true;
        Thread.ofVirtual().name("room-gap-watch").start(this::fillGapWhenDue);
    }

    private void fillGapWhenDue() {
        while (true) {
            long wait;
            lock.lock();
            try {
                if (early.isEmpty() || members.isEmpty()) {
                    early.clear();
                    gapWatched = false;
                    return;
                }
                wait = earlySince + reorderWindowNanos - System.nanoTime();
                if (wait <= 0) {
                    catchUp();
                    continue;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not fill a gap in room " + room + "; will try again", e);
                wait = reorderWindowNanos;
            } finally {
                lock.unlock();
            }
            LockSupport.parkNanos(wait);
        }
    }

    /** Delivers whatever the store has beyond what was delivered: after the bus may have lost events. */
    void resync() {
        lock.lock();
        try {
            if (!members.isEmpty()) {
                catchUp();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not resync room " + room + "; will retry on its next message", e);
        } finally {
            lock.unlock();
        }
    }

    /** Hands each member an event that is not part of the ordered stream (notices, member lists, typing). */
    void each(Consumer<Connection> action) {
        lock.lock();
        try {
            members.forEach(action);
        } finally {
            lock.unlock();
        }
    }

    /** The room was deleted: its members are told and leave it, and nothing of it stays cached. */
    void roomDeleted() {
        lock.lock();
        try {
            endIncarnation();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Delivers every change the store has beyond deliveredRev, in rev order, each message in its current state; caller
     * holds the lock. A rev no message carries any more was overtaken by a later change of its message, which comes
     * with its own (higher) rev, so the revs delivered so far are all accounted for.
     */
    private void catchUp() {
        while (true) {
            List<ChatMessage> missed = messages.changedAfter(room, deliveredRev, GAP_BATCH);
            if (missed.isEmpty()) {
                early.headMap(deliveredRev, true).clear();
                deliverEarlyInTurn();
                return;
            }
            for (ChatMessage m : missed) {
                deliver(m);
            }
        }
    }

    /** A message the room had not had yet is posted; one it had is updated. Caller holds the lock. */
    private void deliver(ChatMessage message) {
        boolean added = message.seq() > deliveredSeq;
        ServerEvent event = added ? new ServerEvent.MessagePosted(message) : new ServerEvent.MessageUpdated(message);
        int recipients = 0;
        for (Connection c : members) {
            Sinks.sendSafely(c, event);
            recipients++;
        }
        metrics.delivered(message, recipients, added);
        deliveredRev = message.rev();
        if (added) {
            deliveredSeq = message.seq();
            recent.added(message);
        } else {
            recent.changed(message);
        }
    }

    /** Caller holds the lock. */
    private void endIncarnation() {
        ServerEvent deleted = new ServerEvent.RoomDeleted(room);
        for (Connection member : members) {
            Sinks.sendSafely(member, deleted);
            memberships.left(member, room);
            try {
                presence.exit(room, member.id());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not take " + member + " out of the presence of deleted room " + room, e);
            }
        }
        members.clear();
        recent.clear();
        early.clear();
        deliveredSeq = 0;
        deliveredRev = 0;
        epoch = null;
    }

    /** The latest page up to what was delivered: from the recent messages when they reach back far enough. */
    private HistoryPage latest() {
        return recent.latestPage(deliveredSeq).orElseGet(() -> RoomService.trimmed(
                messages.before(room, deliveredSeq + 1, RoomService.DEFAULT_PAGE + 1), RoomService.DEFAULT_PAGE, true));
    }

    /**
     * The messages added or changed after {@code sinceRev}, in current state, ordered by seq: the RESUME_LIMIT with the
     * lowest revs. New messages beyond what live delivery starts from are left to it.
     */
    private HistoryPage changedSince(long sinceRev) {
        List<ChatMessage> changed = messages.changedAfter(room, sinceRev, RESUME_LIMIT + 1);
        boolean more = changed.size() > RESUME_LIMIT;
        List<ChatMessage> page = new ArrayList<>((more ? changed.subList(0, RESUME_LIMIT) : changed).stream()
                .filter(m -> m.seq() <= deliveredSeq).toList());
        page.sort(Comparator.comparingLong(ChatMessage::seq));
        return new HistoryPage(page, more);
    }

    private HistoryPage resume(long sinceSeq) {
        if (sinceSeq >= deliveredSeq) {
            return new HistoryPage(List.of(), false);
        }
        List<ChatMessage> found = messages.after(room, sinceSeq, RESUME_LIMIT + 1).stream()
                .filter(m -> m.seq() <= deliveredSeq).toList();
        return RoomService.trimmed(found, RESUME_LIMIT, false);
    }
}
