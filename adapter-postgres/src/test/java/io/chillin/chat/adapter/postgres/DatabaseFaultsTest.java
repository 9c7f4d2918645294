package io.chillin.chat.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database that does not answer is reported as Unavailable, never taken for a success. */
class DatabaseFaultsTest {

    /** All a client is told: no driver text, no database name or address. */
    private static final String UNAVAILABLE = "the database is unavailable: try again shortly";

    @TempDir
    Path dataDir;

    @Test
    void a_server_nobody_listens_on_is_unavailable_and_says_where_it_looked() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        DatabaseConfig config = DatabaseConfig.postgres("127.0.0.1", port, "test", "postgres", "");

        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(ChatException.Unavailable.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void a_closed_database_is_unavailable_for_reads_writes_and_the_probe() {
        Database db = Database.open(DatabaseConfig.embedded(dataDir));
        RoomName room = TestNames.room();
        Username alice = TestNames.user();
        new PostgresRoomStore(db).create(new Room(room, RoomDescription.NONE, alice, null, Instant.now()));
        PostgresMessageStore messages = new PostgresMessageStore(db);
        db.close();

        NewMessage message = new NewMessage(room, alice, "user:" + alice.key(), TempId.of("t"), MessageText.of("hi"),
                Instant.now());
        assertThatThrownBy(() -> messages.append(message)).isInstanceOf(ChatException.Unavailable.class)
                .hasMessageStartingWith("the database is unavailable: ");
        assertThatThrownBy(() -> messages.lastSeq(room)).isInstanceOf(ChatException.Unavailable.class);
        assertThatThrownBy(db::ping).isInstanceOf(ChatException.Unavailable.class);
    }

    @Test
    void what_callers_hear_of_a_database_fault_is_fixed_text_the_drivers_words_go_to_the_log() {
        Database db = Database.open(DatabaseConfig.embedded(dataDir));
        RoomName room = TestNames.room();
        Username alice = TestNames.user();
        new PostgresRoomStore(db).create(new Room(room, RoomDescription.NONE, alice, null, Instant.now()));
        PostgresMessageStore messages = new PostgresMessageStore(db);
        PostgresRoomStore rooms = new PostgresRoomStore(db);
        db.close();

        assertThatThrownBy(() -> messages.lastSeq(room)).hasMessage(UNAVAILABLE);
        assertThatThrownBy(() -> rooms.page("", 10)).hasMessage(UNAVAILABLE);
        assertThatThrownBy(db::ping).hasMessage(UNAVAILABLE);
    }

    @Test
    void a_request_that_finds_every_connection_busy_is_unavailable_once_the_wait_is_over() {
        try (Database db = Database.open(DatabaseConfig.embedded(dataDir).withMaxPoolSize(1));
             Handle busy = db.jdbi().open()) {
            assertThat(busy.getConnection()).isNotNull();
            assertThatThrownBy(() -> new PostgresRoomStore(db).page("", 10))
                    .isInstanceOf(ChatException.Unavailable.class)
                    .hasMessage(UNAVAILABLE);
        }
    }
}
