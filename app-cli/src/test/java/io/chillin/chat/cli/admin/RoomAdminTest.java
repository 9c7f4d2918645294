package io.chillin.chat.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.adapter.crypto.Argon2PasswordHasher;
import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The admin's room list reads the store a page at a time and still shows every room, oldest first. */
class RoomAdminTest {

    @Test
    void listing_rooms_goes_through_every_page_and_shows_them_oldest_first() {
        Instant start = Instant.parse("2026-01-15T10:00:00Z");
        Clock clock = Clock.fixed(start, ZoneOffset.UTC);
        ChatPorts ports = ChatPorts.inMemory(new Argon2PasswordHasher(), ChatSettings.DEFAULT, clock);
        String[] names = {"e", "c", "a", "d", "b"};
        for (int i = 0; i < names.length; i++) {
            ports.rooms().create(new Room(RoomName.of(names[i]), RoomDescription.NONE, Username.of("alice"), null,
                    start.plusSeconds(i)));
        }

        RoomAdmin admin = new RoomAdmin(ports, ChatSettings.DEFAULT, clock, 2);

        assertThat(admin.list()).extracting(RoomRow::name).containsExactly(names);
    }
}
