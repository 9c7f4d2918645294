package io.chillin.chat.adapter.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded database's file from growing by every commit. H2 never changes a page in place: a commit writes
 * each page it touched, and the pages above it, into a new chunk at the end of the file, and an old chunk's space is
 * reused only once none of its pages is live any more. A chunk still holding one live page of a quiet room stays
 * forever unless something copies that page out: H2 does that on the background thread a non-zero {@code WRITE_DELAY}
 * starts, and the embedded database runs with {@code WRITE_DELAY=0} so that a confirmed message is in the file. So this
 * thread does it: once a second it rewrites the live pages of chunks that are mostly dead, up to a few MiB.
 *
 * <p>Measured (docs/benchmarks.md): 300,000 messages at 500 a second grew the file to 4.2 GB without it, 1.1 GB
 * with it. A freed chunk still waits H2's retention time (45 s) before its space is written again, so that a crash of
 * the machine finds an older consistent version: a busy server's file also holds about that long of writes.
 *
 * <p>A platform thread that nobody interrupts, like the group-commit writer: H2 closes its file when a thread is
 * interrupted inside its I/O.
 */
final class EmbeddedCompaction implements AutoCloseable {

    /** Chunks with less than this share of live bytes are rewritten. */
    private static final int TARGET_FILL_RATE = 80;
    /** At most about this much is rewritten per round, so that a round holds the store's lock briefly. */
    private static final int BYTES_PER_ROUND = 2 << 20;
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCompaction.class);

    private final Database db;
    private final Thread thread;
    private volatile boolean closed;
    /** The open store of the embedded database; looked up again when H2 has closed and reopened it. */
    private MVStore store;

    private EmbeddedCompaction(Database db) {
        this.db = db;
        this.thread = Thread.ofPlatform().daemon().name("chat-db-compaction").unstarted(this::run);
    }

    /** Starts compacting the embedded database in the background until {@link #close()}. */
    static EmbeddedCompaction start(Database db) {
        EmbeddedCompaction compaction = new EmbeddedCompaction(db);
        compaction.thread.start();
        return compaction;
    }

    /** What a round did. */
    enum Round {
        COMPACTED, NOTHING_TO_DO,
        /** H2 closed the database under this thread (its own exit hook does at shutdown): looked up again next round. */
        DATABASE_CLOSED,
        /** The database could not be reached, or another process owns its file (shared mode). */
        SKIPPED
    }

    /** One round of what the thread does every second. */
    synchronized Round compactOnce() {
        if (store != null && store.isClosed()) {
            store = null;
            return Round.DATABASE_CLOSED;
        }
        if (store == null) {
            try {
                store = openStore();
            } catch (SQLException e) {
                if (SqlFaults.isClosedEmbeddedDatabase(e)) {
                    return Round.DATABASE_CLOSED;
                }
                LOG.warn("cannot reach the embedded database to compact it: {}", e.getMessage());
                return Round.SKIPPED;
            }
            if (store == null) {
                return Round.SKIPPED;
            }
        }
        try {
            return store.compact(TARGET_FILL_RATE, BYTES_PER_ROUND) ? Round.COMPACTED : Round.NOTHING_TO_DO;
        } catch (RuntimeException e) {
            if (SqlFaults.isClosedEmbeddedDatabase(e)) {
                store = null;
                return Round.DATABASE_CLOSED;
            }
            throw e;
        }
    }

    /** Null when this process reaches the database through another process that owns its file (shared mode). */
    private MVStore openStore() throws SQLException {
        try (Connection connection = db.connection()) {
            Session session = connection.unwrap(JdbcConnection.class).getSession();
            return session instanceof SessionLocal local ? local.getDatabase().getStore().getMvStore() : null;
        }
    }

    private void run() {
        while (!closed) {
            LockSupport.parkNanos(this, INTERVAL_NANOS);
            if (closed) {
                return;
            }
            try {
                compactOnce();
            } catch (RuntimeException e) {
                LOG.warn("compacting the embedded database failed: {}", e.toString());
            }
        }
    }

    /** Stops the thread (never by an interrupt: it may be inside H2's I/O) and waits for its round to end. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
