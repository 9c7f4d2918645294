package io.chillin.chat.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.adapter.postgres.EmbeddedCompaction.Round;
import io.chillin.chat.application.port.out.MessageStore.StartedAppend;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's file grows by what is stored, not by every commit's copies of the pages it touched
 * ({@link EmbeddedCompaction}; docs/ARCHITECTURE.md, "Group commit").
 */
class EmbeddedCompactionTest {

    private static final int ROOMS = 20;
    private static final int ROUNDS = 8;
    private static final int BURSTS_PER_ROUND = 100;
    private static final int BURST = 5;

    @TempDir
    Path dataDir;

    @Test
    void the_file_stays_near_its_live_data_while_messages_keep_coming_and_nothing_stored_is_lost() throws IOException {
        DatabaseConfig embedded = DatabaseConfig.embedded(dataDir);
        // H2 writes a freed chunk's space again only after its retention time (45 s by default, for a machine's
        // crash); without it, space freed by a round is reused at once, so a few seconds show what hours would.
        DatabaseConfig config = new DatabaseConfig(embedded.jdbcUrl() + ";RETENTION_TIME=0", embedded.user(),
                embedded.password(), embedded.maxPoolSize());
        Map<RoomName, List<ChatMessage>> sent = new LinkedHashMap<>();

        try (Database db = Database.open(config)) {
            PostgresRoomStore rooms = new PostgresRoomStore(db);
            for (int i = 0; i < ROOMS; i++) {
                RoomName room = RoomName.of("room-" + i);
                rooms.create(new Room(room, RoomDescription.NONE, Username.of("owner"), null, Instant.now()));
                sent.put(room, new ArrayList<>());
            }
            PostgresMessageStore messages = new PostgresMessageStore(db);
            List<RoomName> names = List.copyOf(sent.keySet());
            int n = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int burst = 0; burst < BURSTS_PER_ROUND; burst++) {
                    List<StartedAppend> started = new ArrayList<>();
                    for (int i = 0; i < BURST; i++, n++) {
                        started.add(messages.start(message(names.get(n % ROOMS), n)));
                    }
                    for (StartedAppend append : started) {
                        ChatMessage stored = append.await().message();
                        sent.get(stored.room()).add(stored);
                    }
                }
                db.compactNow();
            }
            long messagesStored = (long) ROUNDS * BURSTS_PER_ROUND * BURST;
            // measured: 2.5 MB with the rounds, 14 MB without (every commit's copies of the pages it touched stay)
            assertThat(Files.size(dataDir.resolve("chat.mv.db")))
                    .as("file size after %d messages", messagesStored)
                    .isLessThan(6L << 20);
        }

        try (Database db = Database.open(config)) {
            PostgresMessageStore messages = new PostgresMessageStore(db);
            sent.forEach((room, stored) -> assertThat(messages.latest(room, 1_000)).containsExactlyElementsOf(stored));
        }
    }

    @Test
    void a_round_after_h2_closed_the_database_underneath_is_told_apart_from_a_failure() throws SQLException {
        DatabaseConfig config = DatabaseConfig.embedded(dataDir);
        try (Database db = Database.open(config)) {
            assertThat(db.compactNow()).isIn(Round.COMPACTED, Round.NOTHING_TO_DO);
            // what H2's own exit hook does at SIGTERM, while the server's shutdown has not reached the Database yet
            try (Connection raw = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
                 Statement statement = raw.createStatement()) {
                statement.execute("SHUTDOWN");
            }

            assertThat(db.compactNow()).isEqualTo(Round.DATABASE_CLOSED);
        }
    }

    @Test
    void compacts_on_a_thread_of_its_own_that_ends_with_the_database() {
        int before = compactionThreads().size(); // another test's database may still be open
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir))) {
            assertThat(compactionThreads()).hasSize(before + 1);
        }
        assertThat(compactionThreads()).hasSize(before);
    }

    private static List<Thread> compactionThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("chat-db-compaction") && t.isAlive())
                .toList();
    }

    private static NewMessage message(RoomName room, int n) {
        Username author = Username.of("sender-" + n % BURST);
        return new NewMessage(room, author, "guest:" + author.value(), TempId.of("t-" + n),
                MessageText.of(("message " + n + " ").repeat(8).substring(0, 64)), Instant.now());
    }
}
