package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.MessageStore.Appended;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.adapter.postgres.MessageRows.Row;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.ReplyQuote;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: appends from every room and every caller go into one queue; one writer thread takes
 * whatever has gathered and stores it in one transaction, so a burst of N sends costs one commit (one
 * fsync) instead of N. Each caller is answered only after its batch has committed.
 *
 * <p>Inside a batch each room's seqs are taken with one {@code UPDATE rooms SET last_seq = last_seq + n},
 * rooms in name order so that two instances' batches never deadlock; the row lock keeps seqs gap-free
 * across instances exactly as one append at a time did. The unique key on (room, author, tempId) is the
 * only idempotency check: a batch that hits it is rolled back, the appends stored before are answered with their
 * stored message, and the rest are stored again in one transaction.
 *
 * <p>The writer is a platform thread of its own that nobody interrupts: closing a client's socket can never
 * interrupt a database call (H2 closes its file when a thread is interrupted inside its I/O). The queue is
 * bounded in length and in age ({@link GroupCommitSettings}); an append that finds it full, or finds its oldest
 * append waiting too long already, is refused at once with {@code UNAVAILABLE}, never left waiting.
 */
final class GroupCommit implements AutoCloseable {

    /** At most this many appends per transaction. */
    static final int MAX_BATCH = 256;
    private static final long WATCH_INTERVAL_MILLIS = 250;
    private static final String CLOSED = "the database is unavailable: it has been closed";
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final Database db;
    /** Takes n seqs and n revs of a room under its row lock and returns the room's id, name, new last seq and rev. */
    private final String takeSeqs;
    /** The writer starts a commit at most this often unless a full batch waits, so that commits carry several appends. */
    private final long commitIntervalNanos;
    private final long maxQueueWaitNanos;
    private final long answerTimeoutNanos;
    /** The message stored before under an append's (room, author, tempId): the answer to a repeat. */
    private final Function<NewMessage, Optional<ChatMessage>> storedBefore;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private final Thread watchdog;
    /** The batch the writer is storing now, and since when; null between batches. Read by the watchdog. */
    private volatile InFlight inFlight;
    private volatile boolean closed;

    GroupCommit(Database db, Function<NewMessage, Optional<ChatMessage>> storedBefore, GroupCommitSettings settings) {
        this.db = db;
        this.takeSeqs = switch (db.kind()) {
            case POSTGRESQL -> "UPDATE rooms SET last_seq = last_seq + ?, last_rev = last_rev + ? WHERE name_key = ?"
                    + " RETURNING id, name, last_seq, last_rev";
            case H2 -> "SELECT id, name, last_seq, last_rev FROM FINAL TABLE"
                    + " (UPDATE rooms SET last_seq = last_seq + ?, last_rev = last_rev + ? WHERE name_key = ?)";
        };
        this.commitIntervalNanos = settings.commitInterval().toNanos();
        this.maxQueueWaitNanos = settings.maxQueueWait().toNanos();
        this.answerTimeoutNanos = settings.answerTimeout().toNanos();
        this.storedBefore = storedBefore;
        this.queue = new ArrayBlockingQueue<>(settings.queueLimit());
        this.writer = Thread.ofPlatform().daemon().name("chat-db-group-commit").unstarted(this::run);
        this.writer.start();
        this.watchdog = Thread.ofPlatform().daemon().name("chat-db-group-commit-watchdog").unstarted(this::watch);
        this.watchdog.start();
    }

    /**
     * Queues an append and returns at once; {@link MessageStore.StartedAppend#await()} returns once the batch
     * holding it has committed. Appends are stored in the order they were queued.
     *
     * @throws ChatException.Unavailable here when the queue is full or the store is closed; from {@code await} when
     *     the database fails
     * @throws ChatException.NotFound from {@code await} when the room does not exist
     */
    MessageStore.StartedAppend start(NewMessage message) {
        Pending pending = new Pending(message);
        if (closed) {
            throw new ChatException.Unavailable(CLOSED);
        }
        Pending oldest = queue.peek();
        if ((oldest != null && pending.queuedAt - oldest.queuedAt > maxQueueWaitNanos) || !queue.offer(pending)) {
            throw new ChatException.Unavailable("the server is busy storing messages: try again shortly");
        }
        return pending;
    }

    /** Appends waiting for their batch now. */
    int waiting() {
        return queue.size();
    }

    /** Stops taking appends, lets the writer finish what is queued, and waits for it briefly. */
    @Override
    public void close() {
        closed = true; // never an interrupt: the writer may be inside a database call; it sees the flag within 100 ms
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        long lastCommit = System.nanoTime() - commitIntervalNanos;
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = closed ? queue.poll() : queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gatherUntil(batch, lastCommit + commitIntervalNanos);
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread; if someone does, the closed flag decides
            }
            lastCommit = System.nanoTime();
            inFlight = new InFlight(List.copyOf(batch), lastCommit);
            flush(batch);
            inFlight = null;
            batch.clear();
        }
    }

    /**
     * Answers {@code UNAVAILABLE} to every append that has waited longer than the answer timeout, in the
     * queue or in a batch the database has not finished: one check a second for all of them, where a timed wait would
     * set a timer per send. An append answered so may still be stored when the database comes back; its retry (same
     * tempId) is then confirmed as that message.
     */
    private void watch() {
        long limit = answerTimeoutNanos;
        while (!closed || writer.isAlive()) {
            try {
                Thread.sleep(WATCH_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread either
            }
            long now = System.nanoTime();
            InFlight current = inFlight;
            if (current != null && now - current.since() > limit) {
                current.batch().forEach(p -> p.answer.completeExceptionally(tooLate()));
            }
            for (Pending p : queue) {
                if (now - p.queuedAt <= limit) {
                    break; // the queue is in arrival order
                }
                p.answer.completeExceptionally(tooLate());
            }
            if (!writer.isAlive()) {
                failQueued(); // the writer died (an Error): nobody else will answer
            }
        }
    }

    private static ChatException tooLate() {
        return new ChatException.Unavailable("the database did not store the message in time");
    }

    private void failQueued() {
        Pending left;
        while ((left = queue.poll()) != null) {
            left.answer.completeExceptionally(new ChatException.Unavailable(CLOSED));
        }
    }

    /**
     * Adds what arrives until {@code due} (a commit interval after the previous commit began) or until the batch is
     * full. A quiet server commits at once; a busy one gathers the appends of the interval into one commit, which
     * costs about as much as a commit of one (H2 rewrites the same pages, PostgreSQL flushes its log once).
     */
    private void gatherUntil(List<Pending> batch, long due) throws InterruptedException {
        queue.drainTo(batch, MAX_BATCH - batch.size());
        long left;
        while (batch.size() < MAX_BATCH && !closed && (left = due - System.nanoTime()) > 0) {
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
    }

    /** Answers every append of the batch: stored, a repeat, or its rejection. */
    private void flush(List<Pending> batch) {
        try {
            List<Pending> leaders = leadersOf(batch);
            try {
                storeInOneTransaction(leaders);
            } catch (RepeatInBatch repeat) {
                storeWithoutRepeats(leaders);
            }
        } catch (RuntimeException e) {
            ChatException answer = e instanceof ChatException rejection ? rejection
                    : new ChatException.Unavailable(SqlFaults.UNAVAILABLE);
            if (!(e instanceof ChatException)) {
                LOG.warn("a batch of {} appends failed", batch.size(), e);
            }
            for (Pending p : batch) {
                p.answer.completeExceptionally(answer); // no-op for those already answered
            }
        }
    }

    /**
     * After a batch hit the unique key: answers the appends stored before with their stored message (reads, one
     * per append), stores the others in one transaction again, and only if that hits the key too (a copy committed
     * by another instance meanwhile) stores them one by one.
     */
    private void storeWithoutRepeats(List<Pending> leaders) {
        List<Pending> fresh = new ArrayList<>(leaders.size());
        for (Pending p : leaders) {
            Optional<ChatMessage> stored = storedBefore.apply(p.message);
            if (stored.isPresent()) {
                p.answer.complete(new Appended(stored.get(), false));
            } else {
                fresh.add(p);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        try {
            storeInOneTransaction(fresh);
        } catch (RepeatInBatch again) {
            for (Pending p : fresh) {
                storeAlone(p);
            }
        }
    }

    private void storeAlone(Pending p) {
        try {
            storeInOneTransaction(List.of(p));
        } catch (RepeatInBatch repeat) {
            // Stored before (a retry, or a copy that committed first): the rollback undid our seq.
            ChatMessage stored = storedBefore.apply(p.message)
                    .orElseThrow(() -> new IllegalStateException("unique key hit without a stored message"));
            p.answer.complete(new Appended(stored, false));
        } catch (ChatException e) {
            p.answer.completeExceptionally(e);
        }
    }

    /**
     * One append per (room, author, tempId): copies of one send in one batch (a client's quick retry) get the
     * first one's answer, as a repeat ("not created"), or its rejection.
     */
    private static List<Pending> leadersOf(List<Pending> batch) {
        Map<Key, Pending> leaders = new LinkedHashMap<>();
        for (Pending p : batch) {
            Pending leader = leaders.putIfAbsent(Key.of(p.message), p);
            if (leader != null) {
                leader.answer.whenComplete((result, failure) -> {
                    if (failure != null) {
                        p.answer.completeExceptionally(failure);
                    } else {
                        p.answer.complete(new Appended(result.message(), false));
                    }
                });
            }
        }
        return List.copyOf(leaders.values());
    }

    /**
     * Stores the appends in one transaction and answers them once it has committed (an append to a room that does
     * not exist is answered NotFound at once); throws {@link RepeatInBatch} after rolling back when one of them
     * was stored before.
     */
    private void storeInOneTransaction(List<Pending> appends) {
        Map<String, List<Pending>> byRoom = new TreeMap<>();
        for (Pending p : appends) {
            byRoom.computeIfAbsent(p.message.room().key(), k -> new ArrayList<>()).add(p);
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            List<Stored> stored;
            try {
                stored = store(c, byRoom);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (SqlFaults.isUniqueViolation(e)) {
                    throw new RepeatInBatch();
                }
                throw e;
            }
            for (Stored s : stored) {
                s.pending().answer.complete(new Appended(s.message(), true));
            }
        } catch (SQLException e) {
            throw SqlFaults.unavailable(e);
        }
    }

    private List<Stored> store(Connection c, Map<String, List<Pending>> byRoom) throws SQLException {
        List<Taken> taken = new ArrayList<>();
        try (PreparedStatement take = c.prepareStatement(takeSeqs)) {
            for (Map.Entry<String, List<Pending>> room : byRoom.entrySet()) {
                List<Pending> appends = room.getValue();
                take.setInt(1, appends.size());
                take.setInt(2, appends.size());
                take.setString(3, room.getKey());
                try (ResultSet rs = take.executeQuery()) {
                    if (!rs.next()) {
                        ChatException missing = new ChatException.NotFound("no room named '" + appends.getFirst().message.room() + "'");
                        appends.forEach(p -> p.answer.completeExceptionally(missing));
                        continue;
                    }
                    long roomId = rs.getLong("id");
                    RoomName name = RoomName.of(rs.getString("name"));
                    long firstSeq = rs.getLong("last_seq") - appends.size() + 1;
                    long firstRev = rs.getLong("last_rev") - appends.size() + 1;
                    for (int i = 0; i < appends.size(); i++) {
                        taken.add(new Taken(appends.get(i), name,
                                new Row(roomId, firstSeq + i, firstRev + i, appends.get(i).message)));
                    }
                }
            }
        }
        long[] ids = MessageRows.insert(c, taken.stream().map(Taken::row).toList());
        List<Stored> stored = new ArrayList<>(taken.size());
        for (int i = 0; i < taken.size(); i++) {
            Taken t = taken.get(i);
            NewMessage m = t.row().message();
            ReplyQuote quote = m.replyTo() == null ? null : quote(c, t.row().roomId(), m.replyTo());
            stored.add(new Stored(t.pending(), new ChatMessage(ids[i], t.room(), t.row().seq(), m.author(), m.authorKey(),
                    m.text(), Timestamps.stored(m.timestamp()), m.tempId(), t.row().rev(), null, false, quote, List.of(),
                    m.mentions())));
        }
        return stored;
    }

    /** The quote of the message a reply answers, read in the reply's transaction (one statement per reply). */
    private static ReplyQuote quote(Connection c, long roomId, long seq) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT author, text, deleted FROM messages WHERE room_id = ? AND seq = ?")) {
            read.setLong(1, roomId);
            read.setLong(2, seq);
            try (ResultSet rs = read.executeQuery()) {
                return rs.next() ? ReplyQuote.of(seq, Username.of(rs.getString("author")), rs.getString("text"),
                        rs.getBoolean("deleted")) : null;
            }
        }
    }

    private record InFlight(List<Pending> batch, long since) {
    }

    /** One append waiting for its batch, and the caller's handle on it. Compared by identity. */
    private static final class Pending implements MessageStore.StartedAppend {
        final NewMessage message;
        final long queuedAt = System.nanoTime();
        final CompletableFuture<Appended> answer = new CompletableFuture<>();

        Pending(NewMessage message) {
            this.message = message;
        }

        @Override
        public Appended await() {
            try {
                // untimed: a timed wait costs every send a timer set and cancelled; the watchdog bounds the wait
                return answer.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChatException.Unavailable("interrupted while the message was being stored");
            }
        }

        @Override
        public void whenDone(Runnable then) {
            answer.whenComplete((stored, failure) -> then.run());
        }
    }

    /** An append with its seq taken, about to be inserted; {@code room} is the room's own spelling. */
    private record Taken(Pending pending, RoomName room, Row row) {
    }

    private record Stored(Pending pending, ChatMessage message) {
    }

    private record Key(String room, String authorKey, String tempId) {
        static Key of(NewMessage m) {
            return new Key(m.room().key(), m.authorKey(), m.tempId().value());
        }
    }

    /** A batch hit the unique key: one of its appends was stored before. */
    private static final class RepeatInBatch extends RuntimeException {
        RepeatInBatch() {
            super(null, null, false, false);
        }
    }
}
