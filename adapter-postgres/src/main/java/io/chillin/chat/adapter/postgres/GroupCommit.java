package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.port.out.MessageStore.Appended;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.room.RoomName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import java.util.concurrent.TimeoutException;
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
 * only idempotency check: a batch that hits it is rolled back and its appends are retried one by one, each
 * repeat answered with the message stored before.
 *
 * <p>The writer is a platform thread of its own that nobody interrupts: closing a client's socket can never
 * interrupt a database call (H2 closes its file when a thread is interrupted inside its I/O). The queue is
 * bounded; an append that finds it full is refused at once with {@code UNAVAILABLE}, never left waiting.
 */
final class GroupCommit implements AutoCloseable {

    /** At most this many appends per transaction. */
    static final int MAX_BATCH = 256;
    /** Appends waiting beyond this are refused: about a second of the work one writer can commit. */
    static final int DEFAULT_QUEUE_LIMIT = 2_000;
    private static final long ANSWER_TIMEOUT_SECONDS = 30;
    private static final String CLOSED = "the database is unavailable: it has been closed";
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private static final String INSERT = """
            INSERT INTO messages (room_id, seq, author, author_key, temp_id, text, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final Database db;
    /** Stores one append on its own (transaction, retry on a repeat): the fallback after a batch hit the unique key. */
    private final Function<NewMessage, Appended> single;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean closed;

    GroupCommit(Database db, Function<NewMessage, Appended> single, int queueLimit) {
        this.db = db;
        this.single = single;
        this.queue = new ArrayBlockingQueue<>(queueLimit);
        this.writer = Thread.ofPlatform().daemon().name("chat-db-group-commit").unstarted(this::run);
        this.writer.start();
    }

    /**
     * Appends durably and returns once the batch holding the message has committed.
     *
     * @throws ChatException.Unavailable when the queue is full, the store is closed or the database fails
     * @throws ChatException.NotFound when the room does not exist
     */
    Appended append(NewMessage message) {
        Pending pending = new Pending(message, Timestamps.stored(message.timestamp()));
        if (closed || !queue.offer(pending)) {
            throw new ChatException.Unavailable(closed ? CLOSED : "the server is busy storing messages: try again shortly");
        }
        try {
            // Not interruptible on purpose: the answer must reach the caller whatever happens to its thread.
            return pending.answer.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ChatException.Unavailable("the database did not store the message in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException.Unavailable("interrupted while the message was being stored");
        }
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
        Pending left;
        while ((left = queue.poll()) != null) {
            left.answer.completeExceptionally(new ChatException.Unavailable(CLOSED));
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = closed ? queue.poll() : queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread; if someone does, the closed flag decides
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            flush(batch);
            batch.clear();
        }
    }

    private void flush(List<Pending> batch) {
        try {
            Map<Key, List<Pending>> unique = dedupe(batch);
            List<Pending> leaders = unique.values().stream().map(List::getFirst).toList();
            Map<Pending, Appended> stored;
            try {
                stored = storeInOneTransaction(leaders);
            } catch (RepeatInBatch repeat) {
                stored = new LinkedHashMap<>();
                for (Pending p : leaders) {
                    stored.put(p, storeAlone(p));
                }
            }
            stored.forEach((leader, result) -> leader.answer.complete(result));
        } catch (RuntimeException e) {
            ChatException answer = e instanceof ChatException rejection ? rejection
                    : new ChatException.Unavailable("the database is unavailable: " + SqlFaults.reason(e));
            if (!(e instanceof ChatException)) {
                LOG.warn("a batch of {} appends failed", batch.size(), e);
            }
            for (Pending p : batch) {
                p.answer.completeExceptionally(answer); // no-op for those already answered
            }
        } catch (Error e) {
            for (Pending p : batch) {
                p.answer.completeExceptionally(e);
            }
            throw e;
        }
    }

    private Appended storeAlone(Pending p) {
        try {
            return single.apply(p.message);
        } catch (ChatException e) {
            p.answer.completeExceptionally(e);
            return null;
        }
    }

    /**
     * Two copies of one send in one batch (a client's quick retry) are one append: the copies get the first's
     * answer, as a repeat ("not created"), or its rejection.
     */
    private static Map<Key, List<Pending>> dedupe(List<Pending> batch) {
        Map<Key, List<Pending>> unique = new LinkedHashMap<>();
        for (Pending p : batch) {
            List<Pending> copies = unique.computeIfAbsent(Key.of(p.message), k -> new ArrayList<>(1));
            if (!copies.isEmpty()) {
                copies.getFirst().answer.whenComplete((result, failure) -> {
                    if (failure != null) {
                        p.answer.completeExceptionally(failure);
                    } else {
                        p.answer.complete(new Appended(result.message(), false));
                    }
                });
            }
            copies.add(p);
        }
        return unique;
    }

    /** Stores the batch, or throws {@link RepeatInBatch} after rolling it back when one of them was stored before. */
    private Map<Pending, Appended> storeInOneTransaction(List<Pending> leaders) {
        Map<String, List<Pending>> byRoom = new TreeMap<>();
        for (Pending p : leaders) {
            byRoom.computeIfAbsent(p.message.room().key(), k -> new ArrayList<>()).add(p);
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                Map<Pending, Appended> stored = store(c, byRoom);
                c.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                if (SqlFaults.isUniqueViolation(e)) {
                    throw new RepeatInBatch();
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ChatException.Unavailable("the database is unavailable: " + SqlFaults.reason(e));
        }
    }

    private static Map<Pending, Appended> store(Connection c, Map<String, List<Pending>> byRoom) throws SQLException {
        Map<Pending, Appended> stored = new LinkedHashMap<>();
        List<Pending> rows = new ArrayList<>();
        List<RoomRow> roomOfRow = new ArrayList<>();
        try (PreparedStatement take = c.prepareStatement("UPDATE rooms SET last_seq = last_seq + ? WHERE name_key = ?");
             PreparedStatement read = c.prepareStatement("SELECT id, name, last_seq FROM rooms WHERE name_key = ?")) {
            for (Map.Entry<String, List<Pending>> room : byRoom.entrySet()) {
                List<Pending> appends = room.getValue();
                take.setInt(1, appends.size());
                take.setString(2, room.getKey());
                if (take.executeUpdate() == 0) {
                    NewMessage first = appends.getFirst().message;
                    for (Pending p : appends) {
                        p.answer.completeExceptionally(new ChatException.NotFound("no room named '" + first.room() + "'"));
                    }
                    continue;
                }
                read.setString(1, room.getKey());
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    long firstSeq = rs.getLong("last_seq") - appends.size() + 1;
                    RoomRow row = new RoomRow(rs.getLong("id"), RoomName.of(rs.getString("name")));
                    for (int i = 0; i < appends.size(); i++) {
                        rows.add(appends.get(i));
                        roomOfRow.add(row.withSeq(firstSeq + i));
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            return stored;
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT, new String[] {"id"})) {
            for (int i = 0; i < rows.size(); i++) {
                NewMessage m = rows.get(i).message;
                RoomRow room = roomOfRow.get(i);
                insert.setLong(1, room.id());
                insert.setLong(2, room.seq());
                insert.setString(3, m.author().value());
                insert.setString(4, m.authorKey());
                insert.setString(5, m.tempId().value());
                insert.setString(6, m.text().value());
                insert.setObject(7, OffsetDateTime.ofInstant(rows.get(i).timestamp, ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                for (int i = 0; i < rows.size(); i++) {
                    if (!keys.next()) {
                        throw new SQLException("the driver returned " + i + " generated ids for " + rows.size() + " rows");
                    }
                    Pending p = rows.get(i);
                    NewMessage m = p.message;
                    RoomRow room = roomOfRow.get(i);
                    stored.put(p, new Appended(new ChatMessage(keys.getLong(1), room.name(), room.seq(), m.author(),
                            m.authorKey(), m.text(), p.timestamp, m.tempId()), true));
                }
            }
        }
        return stored;
    }

    /** One append waiting for its batch. Compared by identity. */
    private static final class Pending {
        final NewMessage message;
        final Instant timestamp;
        final CompletableFuture<Appended> answer = new CompletableFuture<>();

        Pending(NewMessage message, Instant timestamp) {
            this.message = message;
            this.timestamp = timestamp;
        }
    }

    private record Key(String room, String authorKey, String tempId) {
        static Key of(NewMessage m) {
            return new Key(m.room().key(), m.authorKey(), m.tempId().value());
        }
    }

    private record RoomRow(long id, RoomName name, long seq) {
        RoomRow(long id, RoomName name) {
            this(id, name, 0);
        }

        RoomRow withSeq(long seq) {
            return new RoomRow(id, name, seq);
        }
    }

    /** A batch hit the unique key: one of its appends was stored before. */
    private static final class RepeatInBatch extends RuntimeException {
        RepeatInBatch() {
            super(null, null, false, false);
        }
    }
}
