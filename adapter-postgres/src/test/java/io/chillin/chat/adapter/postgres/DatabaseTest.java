package io.chillin.chat.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What holds on both engines: the kind, the readiness probe, repeatable migrations, and the longest values. */
class DatabaseTest {

    @RegisterExtension
    static final TestDatabase H2 = TestDatabase.h2();

    @RegisterExtension
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    static Stream<TestDatabase> databases() {
        return Stream.of(H2, POSTGRES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void tells_which_engine_it_is_and_answers_the_readiness_probe(TestDatabase db) {
        assertThat(db.get().kind().id()).isEqualTo(db.toString());
        db.get().ping();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void opening_a_migrated_database_again_migrates_nothing_and_keeps_the_data(TestDatabase db) {
        RoomName room = TestNames.room();
        new PostgresRoomStore(db.get()).create(new Room(room, RoomDescription.NONE, TestNames.user(), null, now));
        List<String> history = migrationHistory(db.get());

        try (Database again = Database.open(db.config())) {
            assertThat(migrationHistory(again)).isEqualTo(history);
            assertThat(new PostgresRoomStore(again).find(room)).isPresent();
        }
        assertThat(history).isNotEmpty().allSatisfy(row -> assertThat(row).endsWith(" ok"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void the_longest_values_the_domain_allows_round_trip_even_made_of_astral_characters(TestDatabase db) {
        // U+10400 is a letter with a lower case outside the BMP: two UTF-16 units, also in the key
        Username name = Username.of("\uD801\uDC00".repeat(20));
        String emoji = "😀";
        String email = emoji.repeat(64) + "@" + emoji.repeat(185) + ".io";
        User user = new User(name, "h".repeat(500), email, now);
        RoomName roomName = RoomName.of(emoji.repeat(RoomName.MAX_LENGTH));
        Room room = new Room(roomName, RoomDescription.of(emoji.repeat(RoomDescription.MAX_LENGTH)), name, "p".repeat(500),
                now);
        NewMessage message = new NewMessage(roomName, name, "user:" + name.key(), TempId.of(emoji.repeat(TempId.MAX_LENGTH)),
                MessageText.of(emoji.repeat(MessageText.MAX_LENGTH)), now);

        new PostgresUserStore(db.get(), Clock.systemUTC()).create(user);
        new PostgresRoomStore(db.get()).create(room);
        MessageStore.Appended appended = new PostgresMessageStore(db.get()).append(message);

        assertThat(new PostgresUserStore(db.get(), Clock.systemUTC()).find(name)).contains(user);
        assertThat(new PostgresRoomStore(db.get()).find(roomName)).contains(room);
        assertThat(new PostgresMessageStore(db.get()).latest(roomName, 1)).containsExactly(appended.message());
        assertThat(appended.message().text()).isEqualTo(message.text());
    }

    private static List<String> migrationHistory(Database database) {
        return database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")
                .map((rs, ctx) -> rs.getString("version") + (rs.getBoolean("success") ? " ok" : " failed"))
                .list());
    }
}
