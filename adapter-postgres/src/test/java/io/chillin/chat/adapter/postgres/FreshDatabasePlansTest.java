package io.chillin.chat.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a database whose tables were empty when the statements were first planned (a fresh deployment), the
 * message queries must still go through their indexes as the history grows: PostgreSQL caches a generic
 * plan after a few executions, and a plan chosen for an empty table once read whole tables on every send.
 */
class FreshDatabasePlansTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Test
    void a_fresh_database_pages_history_and_finds_retries_without_sequential_scans_of_messages() throws Exception {
        Database db = DB.get();
        PostgresRoomStore rooms = new PostgresRoomStore(db);
        PostgresMessageStore messages = new PostgresMessageStore(db);
        Username alice = TestNames.user();
        List<RoomName> names = List.of(TestNames.room(), TestNames.room(), TestNames.room());
        for (RoomName name : names) {
            rooms.create(new Room(name, RoomDescription.NONE, alice, null, Instant.now()));
        }
        Map<String, Long> before = scans();
        int rounds = 150;
        for (int i = 0; i < rounds; i++) {
            for (RoomName room : names) {
                messages.findByTempId(room, "user:" + alice.key(), TempId.of("t" + i));
                messages.append(new NewMessage(room, alice, "user:" + alice.key(), TempId.of("t" + i),
                        MessageText.of("message " + i), Instant.now()));
                messages.after(room, Math.max(0, i - 5), 10);
                messages.latest(room, 50);
            }
        }
        int indexedReads = rounds * names.size() * 3;
        Map<String, Long> after = awaitScans(before, indexedReads);

        assertThat(after.get("idx") - before.get("idx")).as("index scans of messages").isGreaterThanOrEqualTo(indexedReads);
        assertThat(after.get("seq") - before.get("seq")).as("sequential scans of messages").isZero();
    }

    /** Waits until the backends have reported their statistics (PostgreSQL flushes them about once a second). */
    private static Map<String, Long> awaitScans(Map<String, Long> before, long indexScans) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        Map<String, Long> now = scans();
        while (now.get("idx") - before.get("idx") < indexScans && System.nanoTime() < deadline) {
            Thread.sleep(250);
            now = scans();
        }
        Thread.sleep(1500);
        return scans();
    }

    private static Map<String, Long> scans() {
        return DB.get().jdbi().withHandle(h -> {
            h.execute("SELECT pg_stat_clear_snapshot()");
            return h.createQuery("""
                            SELECT coalesce(seq_scan, 0) AS seq, coalesce(idx_scan, 0) AS idx FROM pg_stat_user_tables
                            WHERE schemaname = current_schema() AND relname = 'messages'""")
                    .map((rs, ctx) -> Map.of("seq", rs.getLong("seq"), "idx", rs.getLong("idx")))
                    .one();
        });
    }
}
