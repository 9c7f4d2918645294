package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.address;
import static io.chillin.chat.application.service.ChatScenario.assertInvalid;
import static io.chillin.chat.application.service.ChatScenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.in.CreateRoomCommand;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.RoomListQuery;
import io.chillin.chat.application.port.in.RoomView;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Creating, listing and entering rooms outside a live connection. */
class RoomUseCasesTest {

    private static final String ROOM_PASSWORD = "open sesame";

    private static RoomView create(ChatScenario chat, String name, String description, String password) {
        return chat.core.createRoom().createRoom(new CreateRoomCommand(chat.newUser(), name, description, password));
    }

    private static RoomView listed(ChatScenario chat, RoomName room) {
        return listed(chat).stream().filter(r -> r.name().equals(room)).findFirst().orElseThrow();
    }

    /** The first page of the list: every room of these tests. */
    private static List<RoomView> listed(ChatScenario chat) {
        return chat.core.listRooms().listRooms(RoomListQuery.FIRST_PAGE).rooms();
    }

    @Test
    void a_room_created_without_a_password_is_public_and_listed() {
        ChatScenario chat = ChatScenario.start();
        Identity creator = chat.newUser();
        String name = TestNames.room().value();

        RoomView created = chat.core.createRoom().createRoom(new CreateRoomCommand(creator, name, " chill here ", ""));

        assertThat(created.name()).isEqualTo(RoomName.of(name));
        assertThat(created.description()).isEqualTo("chill here");
        assertThat(created.creator()).isEqualTo(creator.name());
        assertThat(created.isPrivate()).isFalse();
        assertThat(created.memberCount()).isZero();
        assertThat(created.createdAt()).isEqualTo(chat.clock.instant());
        assertThat(listed(chat)).containsExactly(created);
        assertThat(chat.ports.rooms().find(RoomName.of(name)).orElseThrow().passwordHash()).isNull();
    }

    @Test
    void a_room_created_with_a_password_is_private_and_neither_password_nor_hash_is_ever_shown() {
        ChatScenario chat = ChatScenario.start();
        String name = TestNames.room().value();

        RoomView created = create(chat, name, null, ROOM_PASSWORD);

        Room stored = chat.ports.rooms().find(RoomName.of(name)).orElseThrow();
        assertThat(stored.passwordHash()).isNotNull().doesNotContain(ROOM_PASSWORD);
        assertThat(created.isPrivate()).isTrue();
        assertThat(listed(chat, created.name()).isPrivate()).isTrue();
        assertThat(listed(chat).toString())
                .doesNotContain(stored.passwordHash())
                .doesNotContain(ROOM_PASSWORD);
        assertThat(Arrays.stream(RoomView.class.getRecordComponents()).map(RecordComponent::getName))
                .noneMatch(component -> component.toLowerCase().contains("password")
                        || component.toLowerCase().contains("hash"));
    }

    @Test
    void a_room_name_taken_ignoring_case_is_a_conflict() {
        ChatScenario chat = ChatScenario.start();
        String name = TestNames.unique("Room ");
        create(chat, name, "first", null);

        assertRejected(() -> create(chat, name.toUpperCase(), "second", null), ErrorCode.CONFLICT);

        assertThat(listed(chat)).singleElement()
                .satisfies(room -> assertThat(room.description()).isEqualTo("first"));
    }

    @Test
    void a_room_name_of_30_code_points_is_accepted_and_31_is_rejected_on_the_commands_name_field() {
        ChatScenario chat = ChatScenario.start();
        String thirty = "\uD83D\uDE00".repeat(30);

        assertThat(create(chat, thirty, null, null).name().value()).isEqualTo(thirty);
        assertInvalid(() -> create(chat, "\uD83C\uDF89".repeat(31), null, null), "name");
        assertInvalid(() -> create(chat, "   ", null, null), "name");
        assertInvalid(() -> create(chat, "bell\u0007room", null, null), "name");
        assertInvalid(() -> create(chat, null, null, null), "name");
        assertThat(listed(chat)).hasSize(1);
    }

    @Test
    void checking_access_to_a_room_by_an_invalid_name_is_rejected_on_the_roomName_field() {
        ChatScenario chat = ChatScenario.start();

        assertInvalid(() -> chat.core.checkRoomAccess().checkAccess(null, "x".repeat(31), null, address()), "roomName");
        assertInvalid(() -> chat.core.checkRoomAccess().checkAccess(null, null, null, address()), "roomName");
    }

    @Test
    void a_description_of_200_characters_is_accepted_and_201_is_rejected_on_the_description_field() {
        ChatScenario chat = ChatScenario.start();

        assertThat(create(chat, TestNames.room().value(), "d".repeat(200), null).description()).hasSize(200);
        assertInvalid(() -> create(chat, TestNames.room().value(), "d".repeat(201), null), "description");
        assertThat(listed(chat)).hasSize(1);
    }

    @Test
    void a_room_password_shorter_than_6_characters_is_rejected_on_the_password_field() {
        ChatScenario chat = ChatScenario.start();

        assertInvalid(() -> create(chat, TestNames.room().value(), null, "12345"), "password");
        assertThat(listed(chat)).isEmpty();
    }

    @Test
    void checking_access_to_a_private_room_needs_its_password() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.privateRoom(ROOM_PASSWORD);
        Identity visitor = chat.newUser();

        assertRejected(() -> chat.core.checkRoomAccess().checkAccess(visitor, room.value(), "wrong password", address()),
                ErrorCode.FORBIDDEN);
        assertRejected(() -> chat.core.checkRoomAccess().checkAccess(visitor, room.value(), null, address()), ErrorCode.FORBIDDEN);
        assertRejected(() -> chat.core.checkRoomAccess().checkAccess(visitor, room.value(), "", address()), ErrorCode.FORBIDDEN);

        RoomView admitted = chat.core.checkRoomAccess().checkAccess(visitor, room.value().toUpperCase(), ROOM_PASSWORD, address());
        assertThat(admitted.name()).isEqualTo(room);
        assertThat(admitted.isPrivate()).isTrue();
    }

    @Test
    void wrong_passwords_checked_over_rest_and_tried_in_websocket_joins_count_together() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.privateRoom(ROOM_PASSWORD);
        Identity visitor = chat.newUser();
        String attacker = address();
        ChatException refused = null;

        for (int i = 0; i < 1_000 && refused == null; i++) {
            boolean overRest = i % 2 == 0;
            ChatException rejection = ChatScenario.rejection(() -> {
                if (overRest) {
                    chat.core.checkRoomAccess().checkAccess(visitor, room.value(), "wrong password", attacker);
                } else {
                    chat.core.joinRoom().join(chat.connectFrom(attacker).connection(),
                            new JoinRoomCommand(room.value(), TestNames.unique("g_"), "wrong password", null));
                }
            });
            refused = rejection.code() == ErrorCode.FORBIDDEN ? null : rejection;
        }

        assertThat(refused).as("refused before 1000 wrong guesses").isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertRejected(() -> chat.core.checkRoomAccess().checkAccess(visitor, room.value(), ROOM_PASSWORD, attacker),
                ErrorCode.RATE_LIMITED);
        assertRejected(() -> chat.core.joinRoom().join(chat.connectFrom(attacker).connection(),
                new JoinRoomCommand(room.value(), TestNames.unique("g_"), ROOM_PASSWORD, null)), ErrorCode.RATE_LIMITED);
        assertThat(chat.core.checkRoomAccess().checkAccess(visitor, room.value(), ROOM_PASSWORD, address()).name())
                .isEqualTo(room);
    }

    @Test
    void checking_access_to_a_public_room_needs_no_password_and_an_unknown_room_is_not_found() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Identity visitor = chat.newUser();

        assertThat(chat.core.checkRoomAccess().checkAccess(visitor, room.value(), null, address()).name()).isEqualTo(room);
        assertRejected(() -> chat.core.checkRoomAccess().checkAccess(visitor, TestNames.room().value(), null, address()),
                ErrorCode.NOT_FOUND);
    }

    @Test
    void the_room_list_counts_each_online_user_once_however_many_connections_it_has() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        RoomName empty = chat.publicRoom();
        Identity alice = chat.newUser();
        chat.joined(alice, room);
        chat.joined(alice, room);
        ChatScenario.Client bob = chat.joined(chat.newUser(), room);

        assertThat(listed(chat, room).memberCount()).isEqualTo(2);
        assertThat(listed(chat, empty).memberCount()).isZero();

        chat.core.leaveRoom().disconnect(bob.connection());

        assertThat(listed(chat, room).memberCount()).isEqualTo(1);
    }
}
