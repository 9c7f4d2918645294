package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.assertInvalid;
import static io.chillin.chat.application.service.ChatScenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.in.CreateRoomCommand;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.RegisterCommand;
import io.chillin.chat.application.service.ChatScenario.Client;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import org.junit.jupiter.api.Test;

/**
 * Names that could pass for others are refused wherever a name is made (domain's LookAlikes, Unicode TR39), and a
 * registered name beats a guest token that was given the same name before.
 */
class NameSpoofingTest {

    private static final String CYRILLIC_A = "\u0430";
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
}
