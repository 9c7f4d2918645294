package io.chillin.chat.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pages of the room list and housekeeping's look for disposable rooms walk the name key's unique index in order:
 * neither reads the whole table nor sorts it, however many rooms there are.
 */
class RoomListPlansTest {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Test
    void a_page_of_many_rooms_is_read_in_order_from_the_name_key_index() {
        Database db = DB.get();
        Instant now = Instant.now();
        List<Room> rooms = IntStream.range(0, 2000)
                .mapToObj(i -> i % 2 == 0
                        ? Room.quickJoined(RoomName.of("quick " + i), Username.of("alice"), now)
                        : new Room(RoomName.of("made " + i), RoomDescription.NONE,
                                Username.of("alice"), null, now))
                .toList();
        new LegacyImportStore(db, Clock.systemUTC()).createRooms(rooms);
        db.jdbi().useHandle(h -> h.execute("ANALYZE rooms"));

        for (String query : List.of(PostgresRoomStore.PAGE, PostgresRoomStore.DISPOSABLE_PAGE)) {
            for (String after : List.of("", "made 5")) {
                String plan = explain(db, query, after);
                assertThat(plan).as(plan).contains("Index Scan using rooms_name_key_uq on rooms")
                        .doesNotContain("Sort").doesNotContain("Seq Scan on rooms");
            }
        }
    }

    private static String explain(Database db, String query, String after) {
        return db.jdbi().withHandle(h -> String.join("\n", h.createQuery("EXPLAIN " + query)
                .bind("after", after)
                .bind("limit", 101)
                .mapTo(String.class)
                .list()));
    }
}
