package io.chillin.chat.benchmarks;

import io.chillin.chat.adapter.postgres.Database;
import io.chillin.chat.adapter.postgres.DatabaseConfig;
import io.chillin.chat.adapter.postgres.PostgresMessageStore;
import io.chillin.chat.adapter.postgres.PostgresRoomStore;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 8's "cost does not grow with history": the store's append, join page, history paging, recovery by rev and
 * unread count on PostgreSQL with a room of {@code history} stored messages. The history is seeded once per size into
 * a schema of its own ({@code chat_bench_history_N}) and kept for later runs ({@code -Dbench.reseed=true} makes it
 * again); seeding 10 M messages takes minutes. The server is {@code CHAT_BENCH_PG_URL} (default the local one).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class HistoryScaleBenchmark {

    @Param({"10000", "10000000"})
    public long history;

    private static final String URL = System.getenv().getOrDefault("CHAT_BENCH_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("CHAT_BENCH_PG_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("CHAT_BENCH_PG_PASSWORD", "");
    private static final RoomName ROOM = RoomName.of("history");
    private static final String READER = "user:reader";

    private Database database;
    private MessageStore messages;
    private final AtomicLong sent = new AtomicLong();
    private long middle;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        String schema = "chat_bench_history_" + history;
        boolean reseed = Boolean.getBoolean("bench.reseed");
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            if (reseed) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        String url = URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        database = Database.open(new DatabaseConfig(url, USER, PASSWORD, DatabaseConfig.DEFAULT_POOL_SIZE));
        messages = new PostgresMessageStore(database);
        PostgresRoomStore rooms = new PostgresRoomStore(database);
        if (rooms.find(ROOM).isEmpty()) {
            rooms.create(new Room(ROOM, RoomDescription.NONE, Username.of("seeder"), null, Instant.now()));
        }
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD); Statement s = c.createStatement()) {
            long stored = count(s);
            if (stored < history) {
                seed(s, stored);
            }
            s.execute("ANALYZE");
        }
        middle = messages.position(ROOM).seq() / 2;
        messages.markRead(ROOM, READER, messages.position(ROOM).seq() - 100);
    }

    private static long count(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT last_seq FROM rooms WHERE name_key = 'history'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** In one statement per million rows: the seqs and revs after what is there, as the store would give them. */
    private void seed(Statement s, long from) throws SQLException {
        for (long start = from + 1; start <= history; start += 1_000_000) {
            long end = Math.min(history, start + 999_999);
            s.execute("""
                    INSERT INTO messages (room_id, seq, rev, author, author_key, temp_id, text, created_at)
                    SELECT r.id, g, g, 'seeder', 'user:seeder', 'seed-' || g,
                           'a seeded message of the large history, number ' || g, now()
                    FROM rooms r, generate_series(%d, %d) g WHERE r.name_key = 'history'""".formatted(start, end));
            s.execute("UPDATE rooms SET last_seq = %d, last_rev = %d WHERE name_key = 'history'".formatted(end, end));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    /** One new message through the group commit (alone: the cost of a quiet server's send). */
    @Benchmark
    public ChatMessage append() {
        long n = sent.incrementAndGet();
        return messages.append(new NewMessage(ROOM, Username.of("bencher"), "user:bencher",
                TempId.of("b-" + System.nanoTime() + "-" + n), MessageText.of("benchmark message " + n),
                Instant.now())).message();
    }

    /** The page a join shows when nothing is cached: the newest 51. */
    @Benchmark
    public List<ChatMessage> joinPage() {
        return messages.latest(ROOM, 51);
    }

    /** Scrolling back from the middle of the history. */
    @Benchmark
    public List<ChatMessage> pageBackFromTheMiddle() {
        return messages.before(ROOM, middle, 51);
    }

    /** A reconnect that missed the last ten changes. */
    @Benchmark
    public List<ChatMessage> recoverBySinceRev() {
        return messages.changedAfter(ROOM, messages.position(ROOM).rev() - 10, 501);
    }

    /** The room list's unread count of a reader 100 messages behind. */
    @Benchmark
    public Object unreadCount() {
        return messages.unread(List.of(ROOM), READER, Username.of("reader"));
    }
}
