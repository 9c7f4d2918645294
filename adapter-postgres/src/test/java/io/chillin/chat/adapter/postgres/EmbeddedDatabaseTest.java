package io.chillin.chat.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-setup default: an H2 file in the data directory that outlives the process. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void history_survives_closing_and_reopening_the_embedded_database() {
        DatabaseConfig config = DatabaseConfig.embedded(dataDir.resolve("not-yet-created"));
        Username alice = TestNames.user();
        RoomName room = TestNames.room();
        User user = new User(alice, "hash", "alice@example.org", now);
        List<ChatMessage> sent = new ArrayList<>();

        try (Database db = Database.open(config)) {
            new PostgresUserStore(db, Clock.systemUTC()).create(user);
            new PostgresRoomStore(db).create(new Room(room, RoomDescription.of("kept"), alice, null, now));
            PostgresMessageStore messages = new PostgresMessageStore(db);
            for (int i = 1; i <= 3; i++) {
                sent.add(messages.append(message(room, alice, "t" + i)).message());
            }
        }

        try (Database db = Database.open(config)) {
            PostgresMessageStore messages = new PostgresMessageStore(db);
            assertThat(new PostgresUserStore(db, Clock.systemUTC()).find(alice)).contains(user);
            assertThat(new PostgresRoomStore(db).find(room)).isPresent();
            assertThat(messages.latest(room, 10)).containsExactlyElementsOf(sent);
            assertThat(messages.append(message(room, alice, "t1")).created()).isFalse();
            assertThat(messages.append(message(room, alice, "t4")).message().seq()).isEqualTo(4);
        }
        assertThat(dataDir.resolve("not-yet-created").resolve("chat.mv.db")).isRegularFile();
    }

    @Test
    void embedded_url_is_h2_in_postgresql_mode_under_the_data_directory() {
        DatabaseConfig config = DatabaseConfig.embedded(dataDir);
        assertThat(config.jdbcUrl())
                .startsWith("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("chat") + ";")
                .contains(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @Test
    void by_default_no_other_process_can_open_the_database_and_none_is_listened_for() throws Exception {
        Path dir = dataDir.resolve("private");
        try (OtherProcess server = OtherProcess.holding(dir, false, "held room")) {
            assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(dir)))
                    .isInstanceOf(Database.InUseByAnotherProcess.class)
                    .hasMessageContaining("open in another process");
            assertThat(dir.resolve("chat.lock.db")).as("no server address written for other processes").doesNotExist();
        }
        try (Database afterwards = Database.open(DatabaseConfig.embedded(dir))) {
            assertThat(new PostgresRoomStore(afterwards).find(RoomName.of("held room"))).isPresent();
        }
    }

    @Test
    void shared_a_second_process_can_work_on_the_database_while_the_first_has_it_open() throws Exception {
        Path dir = dataDir.resolve("shared");
        try (OtherProcess server = OtherProcess.holding(dir, true, "shared room");
             Database adminTool = Database.open(DatabaseConfig.embedded(dir, true))) {
            PostgresRoomStore rooms = new PostgresRoomStore(adminTool);
            assertThat(rooms.find(RoomName.of("shared room"))).isPresent();
            rooms.delete(RoomName.of("shared room"));
            assertThat(rooms.find(RoomName.of("shared room"))).isEmpty();
        }
    }

    private NewMessage message(RoomName room, Username author, String tempId) {
        return new NewMessage(room, author, "user:" + author.key(), TempId.of(tempId), MessageText.of("said " + tempId), now);
    }
}
