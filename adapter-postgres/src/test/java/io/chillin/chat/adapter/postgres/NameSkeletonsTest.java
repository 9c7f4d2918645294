package io.chillin.chat.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rows stored before names had skeletons get theirs when the database is opened, oldest first; a look-alike of an
 * older row keeps none and stays usable, and a new look-alike of either is refused.
 */
class NameSkeletonsTest {

    @RegisterExtension
    static final TestDatabase H2 = TestDatabase.h2();

    @RegisterExtension
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    /** "ѕсоре": all Cyrillic, a whole-script look-alike of "scope". */
    private static final String CYRILLIC_SCOPE = "\u0455\u0441\u043e\u0440\u0435";
    private static final OffsetDateTime BEFORE = OffsetDateTime.of(2021, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC);

    static Stream<TestDatabase> databases() {
        return Stream.of(H2, POSTGRES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void users_from_before_get_their_skeletons_on_open_and_a_look_alike_among_them_keeps_none(TestDatabase db) {
        String digits = TestNames.digits();
        Username scope = Username.of("scope" + digits);
        Username cyrillic = Username.of(CYRILLIC_SCOPE + digits);
        Username other = Username.of("other" + digits);
        for (Username name : new Username[] {scope, cyrillic, other}) {
            insertUserAsBefore(db.get(), name);
        }

        try (Database reopened = Database.open(db.config())) {
            PostgresUserStore users = new PostgresUserStore(reopened, Clock.systemUTC());
            assertThat(skeleton(reopened, "users", "username_key", scope.key())).contains(scope.skeleton());
            assertThat(skeleton(reopened, "users", "username_key", cyrillic.key())).as("grandfathered").isEmpty();
            assertThat(skeleton(reopened, "users", "username_key", other.key())).contains(other.skeleton());

            assertThat(users.find(cyrillic)).as("still usable").isPresent();
            assertThatThrownBy(() -> users.create(user(Username.of("SC0PE" + digits))))
                    .isInstanceOf(ChatException.Conflict.class).hasMessageContaining(scope.value());

            users.delete(scope);
        }
        try (Database reopened = Database.open(db.config())) {
            assertThat(skeleton(reopened, "users", "username_key", cyrillic.key()))
                    .as("free once its holder is gone").contains(cyrillic.skeleton());
            assertThatThrownBy(() -> new PostgresUserStore(reopened, Clock.systemUTC()).create(user(scope)))
                    .isInstanceOf(ChatException.Conflict.class).hasMessageContaining(cyrillic.value());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void rooms_from_before_get_their_skeletons_on_open_and_a_look_alike_among_them_keeps_none(TestDatabase db) {
        String digits = TestNames.digits();
        RoomName scope = RoomName.of("scope room " + digits);
        RoomName cyrillic = RoomName.of(CYRILLIC_SCOPE + " room " + digits);
        for (RoomName name : new RoomName[] {scope, cyrillic}) {
            insertRoomAsBefore(db.get(), name);
        }

        try (Database reopened = Database.open(db.config())) {
            PostgresRoomStore rooms = new PostgresRoomStore(reopened);
            assertThat(skeleton(reopened, "rooms", "name_key", scope.key())).contains(scope.skeleton());
            assertThat(skeleton(reopened, "rooms", "name_key", cyrillic.key())).as("grandfathered").isEmpty();
            assertThat(rooms.find(cyrillic)).as("still usable").isPresent();
            assertThatThrownBy(() -> rooms.create(Room.quickJoined(RoomName.of("sc0pe r00m " + digits),
                    Username.of("someone"), Instant.now())))
                    .isInstanceOf(ChatException.Conflict.class).hasMessageContaining(scope.value());
        }
    }

    private static User user(Username name) {
        return new User(name, "h", "", Instant.now());
    }

    /** A row as the stores wrote it before names had skeletons. */
    private static void insertUserAsBefore(Database db, Username name) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO users (username, username_key, password_hash, email, created_at, updated_at)
                        VALUES (:name, :key, 'h', '', :at, :at)""")
                .bind("name", name.value()).bind("key", name.key()).bind("at", BEFORE).execute());
    }

    private static void insertRoomAsBefore(Database db, RoomName name) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO rooms (name, name_key, description, creator, created_at)
                        VALUES (:name, :key, :description, 'someone', :at)""")
                .bind("name", name.value()).bind("key", name.key()).bind("description", RoomDescription.NONE.value())
                .bind("at", BEFORE).execute());
    }

    private static Optional<String> skeleton(Database db, String table, String keyColumn, String key) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT name_skeleton FROM " + table + " WHERE " + keyColumn
                        + " = :key")
                .bind("key", key)
                .mapTo(String.class)
                .findOne());
    }
}
