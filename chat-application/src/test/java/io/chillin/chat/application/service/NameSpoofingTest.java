package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.assertInvalid;
import static io.chillin.chat.application.service.ChatScenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.in.CreateRoomCommand;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.RegisterCommand;
import io.chillin.chat.application.service.ChatScenario.Client;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names that could pass for others are refused wherever a name is made (domain's LookAlikes, Unicode TR39), so are
 * names that look like one already taken (the same skeleton), and a registered name beats a guest token that was given
 * the same name, or a look-alike, before.
 */
class NameSpoofingTest {

    private static final String CYRILLIC_A = "\u0430";
    /** "ѕсоре": all Cyrillic, so no word mixes scripts, yet it passes for "scope". */
    private static final String CYRILLIC_SCOPE = "\u0455\u0441\u043e\u0440\u0435";
    private final ChatScenario chat = ChatScenario.start();

    @Test
    void look_alike_usernames_and_guest_names_are_refused_and_nothing_is_made() {
        String spoof = CYRILLIC_A + "dmin" + System.nanoTime() % 1000;
        assertInvalid(() -> chat.core.register().register(new RegisterCommand(spoof, ChatScenario.PASSWORD, null),
                ChatScenario.address()), "username");
        assertThat(chat.ports.users().find(Username.of(spoof))).isEmpty();

        assertInvalid(() -> chat.core.enterAsGuest().enterAsGuest("ad\u200Bmin"), "name");

        Client noToken = chat.connectWithoutToken();
        RoomName room = chat.publicRoom();
        assertInvalid(() -> chat.core.joinRoom().join(noToken.connection(),
                new JoinRoomCommand(room.value(), "\u202Eadmin", null, null)), "name");
        assertThat(noToken.connection().identity()).isEmpty();
    }

    @Test
    void look_alike_room_names_are_refused_whether_created_or_quick_joined() {
        Identity creator = chat.newUser();
        assertInvalid(() -> chat.core.createRoom().createRoom(
                new CreateRoomCommand(creator, "p" + CYRILLIC_A + "ypal support", null, null)), "name");

        Client client = chat.connect(creator);
        String spoof = "l" + CYRILLIC_A + "bby " + System.nanoTime() % 1000;
        assertInvalid(() -> chat.core.joinRoom().join(client.connection(),
                new JoinRoomCommand(spoof, null, null, null)), "room");
        assertThat(chat.ports.rooms().find(RoomName.of(spoof))).as("nothing created").isEmpty();
    }

    @Test
    void honest_names_in_any_script_still_work() {
        Identity cyrillic = chat.core.authenticate().authenticate(chat.register("\u0432\u0430\u0441\u044f"
                + System.nanoTime() % 1000).token());
        Client client = chat.connect(cyrillic);
        chat.core.joinRoom().join(client.connection(),
                new JoinRoomCommand("\u041c\u043e\u0441\u043a\u0432\u0430 chat " + System.nanoTime() % 1000, null, null, null));
        assertThat(chat.core.enterAsGuest().enterAsGuest("\u00e9fo7xm4").user().username().value()).isEqualTo("\u00e9fo7xm4");
    }

    @Test
    void a_guest_token_loses_its_name_once_somebody_registers_it() {
        String name = "carol" + System.nanoTime() % 100000;
        Client guest = chat.connect(chat.guest(name));
        RoomName room = chat.publicRoom();

        chat.register(name);

        assertRejected(() -> chat.join(guest, room), ErrorCode.NAME_TAKEN);
        assertThat(chat.ports.presence().count(room)).isZero();
        Client carol = chat.connect(chat.core.authenticate().authenticate(
                chat.core.logIn().logIn(new io.chillin.chat.application.port.in.LogInCommand(name, ChatScenario.PASSWORD),
                        ChatScenario.address()).token()));
        assertThat(chat.join(carol, room).members().users()).extracting(Username::value).containsExactly(name);
    }

    @Test
    void a_look_alike_of_a_registered_name_is_a_conflict_naming_it_and_nothing_is_made() {
        String digits = TestNames.digits();
        chat.register("scope" + digits);

        for (String lookAlike : List.of(CYRILLIC_SCOPE + digits, "SC0PE" + digits)) {
            ChatException refused = assertRejected(() -> chat.register(lookAlike), ErrorCode.CONFLICT);
            assertThat(refused).as("no field to blame").isInstanceOf(ChatException.Conflict.class);
            assertThat(refused.getMessage()).contains("scope" + digits);
            assertThat(chat.ports.users().find(Username.of(lookAlike))).isEmpty();
        }
    }

    @Test
    void a_guest_cannot_take_a_look_alike_of_a_registered_name() {
        String digits = TestNames.digits();
        chat.register("scope" + digits);

        assertRejected(() -> chat.core.enterAsGuest().enterAsGuest(CYRILLIC_SCOPE + digits), ErrorCode.NAME_TAKEN);
        Client noToken = chat.connectWithoutToken();
        RoomName room = chat.publicRoom();
        assertRejected(() -> chat.core.joinRoom().join(noToken.connection(),
                new JoinRoomCommand(room.value(), "SC0PE" + digits, null, null)), ErrorCode.NAME_TAKEN);
        assertThat(noToken.connection().identity()).isEmpty();
    }

    @Test
    void a_guest_token_loses_its_name_once_somebody_registers_a_look_alike() {
        String digits = TestNames.digits();
        Client guest = chat.connect(chat.guest(CYRILLIC_SCOPE + digits));
        RoomName room = chat.publicRoom();

        chat.register("scope" + digits);

        assertRejected(() -> chat.join(guest, room), ErrorCode.NAME_TAKEN);
        assertThat(chat.ports.presence().count(room)).isZero();
    }

    @Test
    void a_look_alike_of_an_existing_room_is_a_conflict_naming_it_whether_created_or_quick_joined() {
        String digits = TestNames.digits();
        Identity creator = chat.newUser();
        RoomName scope = chat.core.createRoom().createRoom(
                new CreateRoomCommand(creator, "scope room " + digits, null, null)).name();

        ChatException created = assertRejected(() -> chat.core.createRoom().createRoom(
                new CreateRoomCommand(creator, CYRILLIC_SCOPE + " room " + digits, null, null)), ErrorCode.CONFLICT);
        assertThat(created.getMessage()).contains(scope.value());

        // a quick-join of a look-alike could land in either room by mistake: it is refused, naming the one that exists
        Client client = chat.connect(creator);
        String lookAlike = "sc0pe r00m " + digits;
        ChatException joined = assertRejected(() -> chat.core.joinRoom().join(client.connection(),
                new JoinRoomCommand(lookAlike, null, null, null)), ErrorCode.CONFLICT);
        assertThat(joined.getMessage()).contains(scope.value());
        assertThat(chat.ports.rooms().find(RoomName.of(lookAlike))).as("nothing created").isEmpty();
        assertThat(chat.ports.presence().count(scope)).as("nobody put into the other room").isZero();

        assertThat(chat.core.joinRoom().join(client.connection(),
                new JoinRoomCommand("SCOPE ROOM " + digits, null, null, null)).room().name())
                .as("the room itself, in any case").isEqualTo(scope);
    }

    @Test
    void names_that_differ_by_more_than_look_alike_characters_are_different_names() {
        String digits = TestNames.digits();
        for (String name : List.of("scope", "scape", "\u0455\u0441\u043e\u0440\u0430", "sc\u00f6pe")) {
            chat.register(name + digits);
            chat.core.createRoom().createRoom(new CreateRoomCommand(chat.newUser(), name + " room " + digits, null, null));
        }
        assertThat(chat.core.enterAsGuest().enterAsGuest("scopes" + digits).user().username().value())
                .isEqualTo("scopes" + digits);
    }
}
