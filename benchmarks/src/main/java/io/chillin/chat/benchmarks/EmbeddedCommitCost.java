package io.chillin.chat.benchmarks;

import io.chillin.chat.adapter.postgres.Database;
import io.chillin.chat.adapter.postgres.DatabaseConfig;
import io.chillin.chat.adapter.postgres.PostgresMessageStore;
import io.chillin.chat.adapter.postgres.PostgresRoomStore;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.MessageStore.StartedAppend;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What the embedded database's group commit costs per message, with no server around it: the production shape's
 * appends (20 rooms, 64-character texts, random {@code tempId}s) at a fixed rate into a fresh H2 file, five appends
 * started together as a client burst and a busy writer's batch would carry them. It reports the CPU of the commit
 * writer and of the compaction thread per message, which in a whole-server run are drowned in the sockets' noise, and
 * the file's size at the end. With page sizes given, one run per size (H2's {@code PAGE_SIZE}, in bytes), in turn, each
 * on a new database file.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.chillin.chat.benchmarks.EmbeddedCommitCost [msgs/s] [seconds] [pageSize ...]
 * </pre>
 *
 * Defaults: 500 messages/s, measured for 20 s after a warm-up as long, H2's default page size (16 KiB).
 */
public final class EmbeddedCommitCost {

    private static final int ROOMS = 20;
    private static final int BURST = 5;
    private static final String WRITER = "chat-db-group-commit";
    private static final String COMPACTION = "chat-db-compaction";

    private EmbeddedCommitCost() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        List<Integer> pageSizes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            pageSizes.add(Integer.parseInt(args[i]));
        }
        if (pageSizes.isEmpty()) {
            pageSizes = List.of(0);
        }
        for (int pageSize : pageSizes) {
            run(pageSize, rate, seconds);
        }
    }

    private static void run(int pageSize, int rate, int seconds) throws IOException {
        Path dir = Files.createTempDirectory("commit-cost");
        DatabaseConfig embedded = DatabaseConfig.embedded(dir);
        String url = embedded.jdbcUrl() + (pageSize > 0 ? ";PAGE_SIZE=" + pageSize : "");
        try (Database db = Database.open(new DatabaseConfig(url, embedded.user(), embedded.password(),
                embedded.maxPoolSize()))) {
            List<RoomName> rooms = createRooms(db);
            MessageStore messages = new PostgresMessageStore(db);
            send(messages, rooms, rate, seconds);
            long writerBefore = threadCpuNanos(WRITER);
            long compactionBefore = threadCpuNanos(COMPACTION);
            long processBefore = processCpuNanos();
            long sent = send(messages, rooms, rate, seconds);
            long writer = threadCpuNanos(WRITER) - writerBefore;
            long compaction = threadCpuNanos(COMPACTION) - compactionBefore;
            long process = processCpuNanos() - processBefore;
            System.out.printf("page size %s: %d messages (%d stored in all), per message: writer %.1f us,"
                            + " compaction %.1f us, process %.1f us; file %d KiB%n",
                    pageSize > 0 ? pageSize : "H2's default", sent, 2 * sent, writer / 1e3 / sent,
                    compaction / 1e3 / sent, process / 1e3 / sent, Files.size(dir.resolve("chat.mv.db")) / 1024);
        } finally {
            deleteAll(dir); // a long run leaves gigabytes
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    private static List<RoomName> createRooms(Database db) {
        PostgresRoomStore store = new PostgresRoomStore(db);
        List<RoomName> rooms = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            RoomName room = RoomName.of("room-" + i);
            store.create(new Room(room, RoomDescription.NONE, Username.of("owner"), null, Instant.now()));
            rooms.add(room);
        }
        return rooms;
    }

    /** Bursts of {@link #BURST} appends at the given rate for the given time; answers how many were stored. */
    private static long send(MessageStore messages, List<RoomName> rooms, int rate, int seconds) {
        long burstIntervalNanos = TimeUnit.SECONDS.toNanos(1) * BURST / rate;
        long bursts = (long) rate * seconds / BURST;
        String text = "x".repeat(64);
        long next = System.nanoTime();
        List<StartedAppend> started = new ArrayList<>(BURST);
        for (long b = 0; b < bursts; b++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += burstIntervalNanos;
            for (int i = 0; i < BURST; i++) {
                RoomName room = rooms.get(ThreadLocalRandom.current().nextInt(ROOMS));
                Username author = Username.of("sender-" + i);
                started.add(messages.start(new NewMessage(room, author, "guest:" + author.value(),
                        TempId.of(UUID.randomUUID().toString()), MessageText.of(text), Instant.now())));
            }
            started.forEach(StartedAppend::await);
            started.clear();
        }
        return bursts * BURST;
    }

    private static long threadCpuNanos(String name) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
            if (info.getThreadName().equals(name)) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        throw new IllegalStateException("no thread named " + name);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
