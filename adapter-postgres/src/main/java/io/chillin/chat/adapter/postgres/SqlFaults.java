package io.chillin.chat.adapter.postgres;

import io.chillin.chat.domain.ChatException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.jdbi.v3.core.ConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sorts what a failed statement means: a unique key hit (the caller knows which rejection that is),
 * a database that did not answer (Unavailable, so it is never taken for success), or a bug (left as is).
 */
final class SqlFaults {

    /**
     * All a client is told when the database does not answer: the driver's words name hosts, databases and
     * pools, so they go to the server's log only.
     */
    static final String UNAVAILABLE = "the database is unavailable: try again shortly";

    private static final Logger LOG = LoggerFactory.getLogger(SqlFaults.class);

    /** Unique violation; H2 uses the same SQLState (and the same number as its error code). */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * SQLState classes that mean "the database did not do it, or cannot say it did; try again" (safe, as
     * every write here is idempotent or rejected on repeat): connection exception (08), transaction
     * rollback such as deadlock or serialization failure (40), insufficient resources such as too many
     * connections (53), operator intervention such as a shutdown or a cancelled statement (57).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57");

    /**
     * Single states of the same meaning: PostgreSQL's lock_not_available, H2's lock and statement timeouts,
     * and H2's "database is closed" (its own states, which PostgreSQL never uses).
     */
    private static final Set<String> TRANSIENT_STATES = Set.of("55P03", "HYT00", "HYT01",
            String.valueOf(ErrorCode.DATABASE_IS_CLOSED), String.valueOf(ErrorCode.DATABASE_CALLED_AT_SHUTDOWN));

    private SqlFaults() {
    }

    /** A Jdbi or JDBC failure as the stores report it: a unique-key hit, Unavailable, or the failure itself. */
    static RuntimeException translate(Exception e) {
        if (isUniqueViolation(e)) {
            return new UniqueViolation(e);
        }
        if (isUnavailable(e)) {
            return unavailable(e);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException("the database failed: " + reason(e), e);
    }

    /** The database did not answer: logs the driver's reason and returns the fixed words a client may see. */
    static ChatException.Unavailable unavailable(Throwable e) {
        LOG.warn("the database is unavailable: {}", reason(e));
        return new ChatException.Unavailable(UNAVAILABLE);
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException
                    || t instanceof SQLTransientException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && hasTransientState(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * H2 closed the embedded database (or its store), anywhere in the causes: as a JDBC error, as its internal
     * {@code DbException}, or as the store's own "closed", which the compaction thread meets directly.
     */
    static boolean isClosedEmbeddedDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            int code = switch (t) {
                case SQLException sql -> sql.getErrorCode();
                case DbException db -> db.getErrorCode();
                case MVStoreException store when store.getErrorCode() == DataUtils.ERROR_CLOSED ->
                        ErrorCode.DATABASE_IS_CLOSED;
                default -> 0;
            };
            if (code == ErrorCode.DATABASE_IS_CLOSED || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN) {
                return true;
            }
        }
        return false;
    }

    /** The driver's own words for what went wrong: the innermost SQL exception's message, else the root cause's. */
    static String reason(Throwable e) {
        String reason = null;
        Throwable last = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                reason = t.getMessage();
            }
            last = t;
        }
        if (reason == null) {
            reason = last.getMessage() != null ? last.getMessage() : last.getClass().getSimpleName();
        }
        return reason.strip();
    }

    private static boolean hasTransientState(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.length() == 5
                && (TRANSIENT_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_STATES.contains(state));
    }
}
