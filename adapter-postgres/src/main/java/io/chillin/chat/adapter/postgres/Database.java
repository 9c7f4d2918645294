package io.chillin.chat.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import com.zaxxer.hikari.pool.HikariPool;
import io.chillin.chat.domain.ChatException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** A pooled, migrated SQL database (PostgreSQL or embedded H2) that the stores share; close it on shutdown. */
public final class Database implements AutoCloseable {

    /** The database engines the schema and the SQL are written for. */
    public enum Kind {
        H2, POSTGRESQL;

        /** The lower-case name, also the name of the engine's migration folder: "h2" or "postgresql". */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromProductName(String productName) {
            return switch (productName) {
                case "H2" -> H2;
                case "PostgreSQL" -> POSTGRESQL;
                default -> throw new IllegalStateException(
                        "unsupported database '" + productName + "': use PostgreSQL or H2");
            };
        }
    }

    private static final String MIGRATIONS = "db/migration/";
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    // Short, so that a request fails fast with Unavailable instead of hanging while the database is down.
    private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;
    private static final long VALIDATION_TIMEOUT_MILLIS = 2_000;
    private static final int PING_TIMEOUT_SECONDS = 2;

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Kind kind;
    /** What the stores started on this database (the group-commit writer): closed before the pool. */
    private final List<AutoCloseable> dependents = new CopyOnWriteArrayList<>();
    /** The embedded database's housekeeping; null on PostgreSQL, which has its own (autovacuum). */
    private EmbeddedCompaction compaction;

    private Database(HikariDataSource pool, Kind kind) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.kind = kind;
    }

    /**
     * Connects, and brings the schema up to date (and the names' skeletons: {@link NameSkeletons}).
     *
     * @throws ChatException.Unavailable when the database cannot be reached
     * @throws InUseByAnotherProcess when the embedded database is open in a process that does not share it
     */
    public static Database open(DatabaseConfig config) {
        return open(config, null);
    }

    /** As {@link #open(DatabaseConfig)}, with the connection pool's metrics (waits, usage, timeouts) in {@code metrics}. */
    public static Database open(DatabaseConfig config, MeterRegistry metrics) {
        HikariDataSource pool = connect(config, metrics);
        try {
            Kind kind = kindOf(pool, config);
            migrate(config, kind);
            Database db = new Database(pool, kind);
            NameSkeletons.backfill(db);
            if (kind == Kind.H2) {
                db.compaction = EmbeddedCompaction.start(db);
                db.closeWithDatabase(db.compaction);
            }
            return db;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Which engine answered: told by the driver, not guessed from the URL. */
    public Kind kind() {
        return kind;
    }

    /**
     * Checks that the database answers a query, for a readiness probe.
     *
     * @throws ChatException.Unavailable when it does not
     */
    public void ping() {
        read(handle -> handle.createQuery("SELECT 1").setQueryTimeout(PING_TIMEOUT_SECONDS).mapTo(Integer.class).one());
    }

    @Override
    public void close() {
        for (AutoCloseable dependent : dependents.reversed()) {
            try {
                dependent.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close " + dependent, e);
            }
        }
        dependents.clear();
        pool.close();
    }

    /** For tests: one round of the embedded database's compaction now, as its thread does every second. */
    EmbeddedCompaction.Round compactNow() {
        return compaction == null ? EmbeddedCompaction.Round.SKIPPED : compaction.compactOnce();
    }

    /** Closes this too when the database closes, before its connections go. */
    void closeWithDatabase(AutoCloseable dependent) {
        dependents.add(dependent);
    }

    /** A pooled JDBC connection, for the few hot statements written without Jdbi; close it to give it back. */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** Runs the work on a pooled connection, in auto-commit mode. */
    <T> T read(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw SqlFaults.translate(e);
        }
    }

    /** Runs the work in one transaction, rolled back when it throws. */
    <T> T write(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw SqlFaults.translate(e);
        }
    }

    /** For tests that need to hold connections or look under the stores. */
    Jdbi jdbi() {
        return jdbi;
    }

    private static HikariDataSource connect(DatabaseConfig config, MeterRegistry metrics) {
        HikariConfig hikari = new HikariConfig();
        if (metrics != null) {
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        }
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        hikari.setValidationTimeout(VALIDATION_TIMEOUT_MILLIS);
        hikari.setPoolName("chat-db");
        if (config.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // Every statement the stores run has an index made for it, but PostgreSQL plans from statistics, and a
            // fresh or fast-growing table has none worth trusting: plans cached while `messages` was empty read
            // the whole table on every send until autovacuum analysed it. Seq scans stay possible (where no index
            // applies) but never win over an index.
            hikari.addDataSourceProperty("options", "-c enable_seqscan=off");
        }
        try {
            return new HikariDataSource(hikari);
        } catch (HikariPool.PoolInitializationException e) {
            if (openedByAnotherProcess(e)) {
                throw new InUseByAnotherProcess("the embedded database " + config.jdbcUrl().replaceFirst(";.*", "")
                        .replaceFirst("^jdbc:h2:file:", "") + " is open in another process (a running server?)", e);
            }
            throw new ChatException.Unavailable("cannot connect to the database at " + config.jdbcUrl() + " as '"
                    + config.user() + "': " + SqlFaults.reason(e));
        }
    }

    /** H2's "Database may be already in use" (90020): another process holds the files' lock. */
    private static boolean openedByAnotherProcess(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    /**
     * The embedded database's files are open in another process that does not share them (a server started without
     * sharing): they can be opened once it stops. The caller knows how sharing is switched on and says so.
     */
    public static final class InUseByAnotherProcess extends RuntimeException {
        InUseByAnotherProcess(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static Kind kindOf(HikariDataSource pool, DatabaseConfig config) {
        try (Connection connection = pool.getConnection()) {
            return Kind.fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new ChatException.Unavailable("cannot connect to the database at " + config.jdbcUrl() + ": "
                    + SqlFaults.reason(e));
        }
    }

    private static void migrate(DatabaseConfig config, Kind kind) {
        // Flyway does not expand {vendor} in locations, so the engine's folder (db/migration/h2 or
        // db/migration/postgresql, once one exists) is chosen here. Both folders feed one history table, so a
        // version number is used in one folder only.
        List<String> locations = new ArrayList<>(List.of("classpath:" + MIGRATIONS + "common"));
        String vendorFolder = MIGRATIONS + kind.id();
        if (Database.class.getClassLoader().getResource(vendorFolder) != null) {
            locations.add("classpath:" + vendorFolder);
        }
        try {
            // Connections of its own, not the pool's: Flyway holds two at once, more than a pool of one has.
            Flyway.configure(Database.class.getClassLoader())
                    .dataSource(config.jdbcUrl(), config.user(), config.password())
                    .locations(locations.toArray(String[]::new))
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            if (SqlFaults.isUnavailable(e)) {
                throw new ChatException.Unavailable("cannot migrate the database at " + config.jdbcUrl() + ": "
                        + SqlFaults.reason(e));
            }
            throw e;
        }
    }
}
