package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.assertInvalid;
import static io.chillin.chat.application.service.ChatScenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.contract.FastTestHasher;
import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.in.AdministerRoomsUseCase.AdminRoom;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Administration applies the users' own rules (names, look-alikes, passwords), none of their rate limits. */
class AdminUseCasesTest {

    private final ChatScenario chat = ChatScenario.start();
    private final AdminService admin = chat.core.admin();

    @Test
    void an_account_made_by_an_admin_obeys_the_registration_rules_and_can_log_in() {
        String name = TestNames.user().value();
        admin.createUser(name, ChatScenario.PASSWORD, "alice@example.com");
        assertThat(admin.showUser(name).email()).isEqualTo("alice@example.com");
        assertThat(chat.core.logIn().logIn(new io.chillin.chat.application.port.in.LogInCommand(name, ChatScenario.PASSWORD),
                ChatScenario.address()).token()).isNotBlank();
        assertThat(chat.ports.blobs().get(AvatarService.key(Username.of(name)))).as("its avatar").isPresent();

        assertRejected(() -> admin.createUser(name.toUpperCase(), ChatScenario.PASSWORD, null), ErrorCode.CONFLICT);
        assertInvalid(() -> admin.createUser("a\u200bdmin", ChatScenario.PASSWORD, null), "username");
        assertInvalid(() -> admin.createUser(TestNames.user().value(), "short", null), "password");
    }

    @Test
    void many_accounts_from_one_place_are_no_registration_burst_for_an_admin() {
        int before = admin.listUsers().size();
        for (int i = 0; i < chat.settings.authLimit() + 3; i++) {
            admin.createUser(TestNames.user().value(), ChatScenario.PASSWORD, null);
        }
        assertThat(admin.listUsers()).hasSize(before + chat.settings.authLimit() + 3);
    }

    @Test
    void resetting_a_password_and_deleting_an_account_end_its_sessions() {
        String name = TestNames.user().value();
        String token = chat.register(name).token();
        admin.resetPassword(name, "another fine password");
        assertRejected(() -> chat.core.authenticate().authenticate(token), ErrorCode.UNAUTHORIZED);
        assertInvalid(() -> admin.resetPassword(name, "x"), "password");

        String again = chat.core.logIn().logIn(new io.chillin.chat.application.port.in.LogInCommand(name,
                "another fine password"), ChatScenario.address()).token();
        admin.deleteUser(name);
        assertRejected(() -> chat.core.authenticate().authenticate(again), ErrorCode.UNAUTHORIZED);
        assertRejected(() -> admin.showUser(name), ErrorCode.NOT_FOUND);
    }

    @Test
    void only_an_account_with_the_admin_role_passes_the_admin_check() {
        String name = TestNames.user().value();
        Identity user = chat.core.authenticate().authenticate(chat.register(name).token());
        assertRejected(() -> admin.requireAdmin(null), ErrorCode.UNAUTHORIZED);
        assertRejected(() -> admin.requireAdmin(user), ErrorCode.FORBIDDEN);

        admin.setAdmin(name, true);
        admin.requireAdmin(user);
        assertThat(admin.isAdmin(name.toUpperCase())).isTrue();
        assertRejected(() -> admin.requireAdmin(Identity.guest(Username.of(name), "g1")), ErrorCode.FORBIDDEN);
        admin.setAdmin(name, false);
        assertRejected(() -> admin.requireAdmin(user), ErrorCode.FORBIDDEN);
    }

    @Test
    void rooms_made_by_an_admin_obey_the_naming_rules_and_no_user_limit() {
        for (int i = 0; i < 15; i++) {
            admin.createRoom(TestNames.room().value(), null, null, "admin");
        }
        String name = TestNames.room().value();
        AdminRoom room = admin.createRoom(name, "About books", "a room secret", "admin");
        assertThat(room.room().isPrivate()).isTrue();
        assertRejected(() -> admin.createRoom(name.toUpperCase(), null, null, "admin"), ErrorCode.CONFLICT);
        assertInvalid(() -> admin.createRoom("bad\u202eroom", null, null, "admin"), "room");
        assertInvalid(() -> admin.createRoom(TestNames.room().value(), null, null, "no spaces allowed"), "creator");

        assertThat(admin.setRoomPassword(name, null).room().isPrivate()).isFalse();
        assertInvalid(() -> admin.setRoomPassword(name, "x"), "password");
        assertThat(admin.deleteRoom(name)).isZero();
        assertRejected(() -> admin.showRoom(name, 0), ErrorCode.NOT_FOUND);
        assertInvalid(() -> admin.showRoom(TestNames.room().value(), 1001), "messages");
    }

    @Test
    void listing_rooms_goes_through_every_page_and_shows_them_oldest_first() {
        Instant start = Instant.parse("2026-01-15T10:00:00Z");
        Clock clock = Clock.fixed(start, ZoneOffset.UTC);
        ChatPorts ports = ChatPorts.inMemory(new FastTestHasher(), ChatSettings.DEFAULT, clock);
        String[] names = {"e", "c", "a", "d", "b"};
        for (int i = 0; i < names.length; i++) {
            ports.rooms().create(new Room(RoomName.of("room-" + names[i]), RoomDescription.NONE, Username.of("alice"), null,
                    start.plusSeconds(i)));
        }

        AdminService paged = new AdminService(ports.admin(), ChatSettings.DEFAULT, clock, 2);

        assertThat(paged.listRooms()).extracting(r -> r.room().name().value())
                .containsExactly("room-e", "room-c", "room-a", "room-d", "room-b");
    }
}
