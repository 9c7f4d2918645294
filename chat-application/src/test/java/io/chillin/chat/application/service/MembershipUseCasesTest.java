package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.assertInvalid;
import static io.chillin.chat.application.service.ChatScenario.assertRejected;
import static io.chillin.chat.application.service.ChatScenario.seqRange;
import static io.chillin.chat.application.service.ChatScenario.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.in.JoinResult;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.service.ChatScenario.Client;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import org.junit.jupiter.api.Test;

/** Joining, leaving, presence notices and typing, through live connections. */
class MembershipUseCasesTest {

    private static final String ROOM_PASSWORD = "open sesame";

    private static JoinResult join(ChatScenario chat, Client client, String room, String name, String password,
                                   Long sinceSeq) {
        return chat.core.joinRoom().join(client.connection(), new JoinRoomCommand(room, name, password, sinceSeq));
    }

    private static JoinResult joinSince(ChatScenario chat, Client client, RoomName room, long sinceSeq) {
        return join(chat, client, room.value(), null, null, sinceSeq);
    }

    private static JoinResult joinAsGuest(ChatScenario chat, Client client, RoomName room, String name) {
        return join(chat, client, room.value(), name, null, null);
    }

    private static boolean present(ChatScenario chat, RoomName room, Client client) {
        return chat.ports.presence().isPresent(room, client.connection().id());
    }

    // ---- joining --------------------------------------------------------------------------------

    @Test
    void joining_an_unknown_room_creates_it_as_a_public_room_of_the_joiner() {
        ChatScenario chat = ChatScenario.start();
        Identity alice = chat.newUser();
        RoomName room = TestNames.room();

        JoinResult result = chat.join(chat.connect(alice), room);

        Room created = chat.ports.rooms().find(room).orElseThrow();
        assertThat(created.isPrivate()).isFalse();
        assertThat(created.creator()).isEqualTo(alice.name());
        assertThat(result.room().name()).isEqualTo(room);
        assertThat(result.room().memberCount()).isEqualTo(1);
        assertThat(result.history().messages()).isEmpty();
        assertThat(result.history().hasMore()).isFalse();
        assertThat(result.members().users()).containsExactly(alice.name());
        assertThat(result.members().memberCount()).isEqualTo(1);
    }

    @Test
    void join_returns_the_latest_50_messages_oldest_first_and_says_there_are_more() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        chat.seed(room, 120);

        JoinResult result = chat.join(chat.connect(chat.newUser()), room);

        assertThat(seqs(result.history().messages())).isEqualTo(seqRange(71, 120));
        assertThat(result.history().hasMore()).isTrue();
    }

    @Test
    void join_of_a_room_with_50_messages_returns_them_all_without_more() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        chat.seed(room, 50);

        JoinResult result = chat.join(chat.connect(chat.newUser()), room);

        assertThat(seqs(result.history().messages())).isEqualTo(seqRange(1, 50));
        assertThat(result.history().hasMore()).isFalse();
    }

    @Test
    void join_with_since_seq_returns_exactly_the_messages_after_it_and_live_delivery_continues_from_there() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        chat.seed(room, 20);
        Client client = chat.connect(chat.newUser());

        JoinResult result = joinSince(chat, client, room, 7);
        chat.send(client, room, "after the resume");

        assertThat(seqs(result.history().messages())).isEqualTo(seqRange(8, 20));
        assertThat(result.history().hasMore()).isFalse();
        assertThat(client.sink().seqs()).containsExactly(21L);
    }

    @Test
    void join_with_since_seq_returns_the_500_oldest_missed_messages_and_says_more_remain() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        chat.seed(room, 620);

        JoinResult result = joinSince(chat, chat.connect(chat.newUser()), room, 10);

        assertThat(seqs(result.history().messages())).isEqualTo(seqRange(11, 510));
        assertThat(result.history().hasMore()).isTrue();
    }

    @Test
    void join_with_since_seq_at_the_latest_message_returns_nothing() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        chat.seed(room, 5);

        JoinResult result = joinSince(chat, chat.connect(chat.newUser()), room, 5);

        assertThat(result.history().messages()).isEmpty();
        assertThat(result.history().hasMore()).isFalse();
    }

    @Test
    void join_with_a_negative_since_seq_is_rejected_on_the_since_seq_field() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client client = chat.connect(chat.newUser());

        assertInvalid(() -> joinSince(chat, client, room, -1), "sinceSeq");
        assertThat(present(chat, room, client)).isFalse();
    }

    @Test
    void a_connection_without_token_must_give_a_valid_name_to_join() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client client = chat.connectWithoutToken();

        assertInvalid(() -> joinAsGuest(chat, client, room, null), "name");
        assertInvalid(() -> joinAsGuest(chat, client, room, "x"), "name");

        assertThat(present(chat, room, client)).isFalse();
        assertThat(client.connection().identity()).isEmpty();
    }

    @Test
    void a_connection_without_token_joins_as_a_guest_under_the_name_it_gives() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client client = chat.connectWithoutToken();
        String name = TestNames.unique("Anon_");

        JoinResult result = joinAsGuest(chat, client, room, name);

        assertThat(client.identity().guest()).isTrue();
        assertThat(client.identity().name()).isEqualTo(Username.of(name));
        assertThat(result.members().users()).containsExactly(Username.of(name));
    }

    @Test
    void a_connection_without_token_may_not_use_a_registered_users_name() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        String owner = TestNames.unique("Owner_");
        chat.register(owner);
        Client client = chat.connectWithoutToken();

        assertRejected(() -> joinAsGuest(chat, client, room, owner.toLowerCase()), ErrorCode.NAME_TAKEN);

        assertThat(chat.ports.presence().count(room)).isZero();
    }

    @Test
    void another_identity_with_a_display_name_present_in_the_room_is_name_taken() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        String name = TestNames.unique("Twin_");
        Client first = chat.joined(chat.guest(name), room);
        Client second = chat.connect(chat.guest(name.toUpperCase()));
        Client tokenless = chat.connectWithoutToken();

        assertRejected(() -> chat.join(second, room), ErrorCode.NAME_TAKEN);
        assertRejected(() -> joinAsGuest(chat, tokenless, room, name), ErrorCode.NAME_TAKEN);

        assertThat(present(chat, room, second)).isFalse();
        assertThat(present(chat, room, tokenless)).isFalse();
        assertThat(chat.ports.presence().members(room)).singleElement()
                .satisfies(member -> assertThat(member.identityKey()).isEqualTo(first.identity().key()));
        chat.send(first, room, "only the first is here");
        assertThat(second.sink().messages()).isEmpty();
        assertThat(tokenless.sink().messages()).isEmpty();
    }

    @Test
    void a_guest_refused_for_a_taken_name_can_join_under_another_name_on_the_same_connection() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        String taken = TestNames.unique("Taken_");
        chat.joined(chat.guest(taken), room);
        Client newcomer = chat.connectWithoutToken();
        assertRejected(() -> joinAsGuest(chat, newcomer, room, taken), ErrorCode.NAME_TAKEN);
        String other = TestNames.unique("Other_");

        JoinResult result = joinAsGuest(chat, newcomer, room, other);

        assertThat(result.members().users()).contains(Username.of(other));
        assertThat(newcomer.identity().name()).isEqualTo(Username.of(other));
    }

    @Test
    void the_same_registered_user_may_be_in_a_room_on_two_connections_and_counts_once() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Identity alice = chat.newUser();
        Client first = chat.joined(alice, room);

        JoinResult second = chat.join(chat.connect(alice), room);

        assertThat(second.members().users()).containsExactly(alice.name());
        assertThat(second.members().memberCount()).isEqualTo(1);
        assertThat(second.room().memberCount()).isEqualTo(1);
        assertThat(present(chat, room, first)).isTrue();
    }

    @Test
    void a_wrong_or_missing_password_for_a_private_room_is_forbidden_and_leaves_no_presence() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.privateRoom(ROOM_PASSWORD);
        Client client = chat.connect(chat.newUser());

        assertRejected(() -> join(chat, client, room.value(), null, "wrong password", null), ErrorCode.FORBIDDEN);
        assertRejected(() -> join(chat, client, room.value(), null, null, null), ErrorCode.FORBIDDEN);

        assertThat(present(chat, room, client)).isFalse();
        assertThat(chat.ports.presence().count(room)).isZero();
        assertRejected(() -> chat.send(client, room, "let me in"), ErrorCode.NOT_IN_ROOM);
    }

    @Test
    void the_right_password_lets_a_connection_into_a_private_room() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.privateRoom(ROOM_PASSWORD);
        Client client = chat.connect(chat.newUser());

        JoinResult result = join(chat, client, room.value(), null, ROOM_PASSWORD, null);

        assertThat(result.room().isPrivate()).isTrue();
        assertThat(present(chat, room, client)).isTrue();
    }

    // ---- password guessing ----------------------------------------------------------------------

    /** A join of a new guest connection from this address. */
    private static JoinResult joinFrom(ChatScenario chat, String address, RoomName room, String password) {
        return join(chat, chat.connectFrom(address), room.value(), TestNames.unique("g_"), password, null);
    }

    /** Wrong guesses from one address until one is refused otherwise than FORBIDDEN. */
    private static ChatException guessUntilRefused(ChatScenario chat, RoomName room, String address) {
        for (int i = 0; i < 1_000; i++) {
            ChatException rejection = ChatScenario.rejection(() -> joinFrom(chat, address, room, "wrong password"));
            if (rejection.code() != ErrorCode.FORBIDDEN) {
                return rejection;
            }
        }
        throw new AssertionError("1000 wrong room passwords from " + address + " and never refused");
    }

    @Test
    void wrong_passwords_from_one_address_are_refused_for_a_while_and_other_addresses_still_get_in() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.privateRoom(ROOM_PASSWORD);
        String attacker = ChatScenario.address();

        ChatException refused = guessUntilRefused(chat, room, attacker);

        assertThat(refused).isInstanceOfSatisfying(ChatException.RateLimited.class,
                limited -> assertThat(limited.retryAfter()).isPositive());
        assertRejected(() -> joinFrom(chat, attacker, room, ROOM_PASSWORD), ErrorCode.RATE_LIMITED);
        assertThat(joinFrom(chat, ChatScenario.address(), room, ROOM_PASSWORD).room().name()).isEqualTo(room);
        chat.clock.advance(((ChatException.RateLimited) refused).retryAfter());
        assertThat(joinFrom(chat, attacker, room, ROOM_PASSWORD).room().name()).isEqualTo(room);
    }

    @Test
    void wrong_passwords_spread_over_many_addresses_are_refused_by_the_rooms_own_limit() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.privateRoom(ROOM_PASSWORD);
        RoomName other = chat.privateRoom(ROOM_PASSWORD);
        ChatException refused = null;

        for (int i = 0; i < 1_000 && refused == null; i++) {
            String address = ChatScenario.address();
            ChatException rejection = ChatScenario.rejection(() -> joinFrom(chat, address, room, "wrong password"));
            refused = rejection.code() == ErrorCode.FORBIDDEN ? null : rejection;
        }

        assertThat(refused).as("one wrong guess from each of up to 1000 addresses is refused at last").isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertRejected(() -> joinFrom(chat, ChatScenario.address(), room, ROOM_PASSWORD), ErrorCode.RATE_LIMITED);
        assertThat(joinFrom(chat, ChatScenario.address(), other, ROOM_PASSWORD).room().name()).isEqualTo(other);
    }

    @Test
    void guesses_refused_at_one_address_do_not_use_up_the_rooms_own_count() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.privateRoom(ROOM_PASSWORD);
        String attacker = ChatScenario.address();
        guessUntilRefused(chat, room, attacker);

        for (int i = 0; i < 100; i++) {
            assertRejected(() -> joinFrom(chat, attacker, room, "wrong password"), ErrorCode.RATE_LIMITED);
        }

        assertThat(joinFrom(chat, ChatScenario.address(), room, ROOM_PASSWORD).room().name()).isEqualTo(room);
    }

    @Test
    void right_passwords_do_not_count_as_guesses() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.privateRoom(ROOM_PASSWORD);
        String address = ChatScenario.address();

        for (int i = 0; i < 100; i++) {
            joinFrom(chat, address, room, ROOM_PASSWORD);
        }

        assertRejected(() -> joinFrom(chat, address, room, "wrong password"), ErrorCode.FORBIDDEN);
    }

    // ---- notices --------------------------------------------------------------------------------

    @Test
    void members_hear_when_somebody_joins_and_get_the_new_member_list() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client watcher = chat.joined(chat.newUser(), room);
        watcher.sink().clear();
        Identity bob = chat.newUser();

        chat.joined(bob, room);

        assertThat(watcher.sink().notices()).singleElement().satisfies(notice -> {
            assertThat(notice.room()).isEqualTo(room);
            assertThat(notice.text()).contains(bob.name().value());
        });
        ServerEvent.RoomMembers members = watcher.sink().lastMembers();
        assertThat(members.users()).containsExactly(watcher.identity().name(), bob.name());
        assertThat(members.memberCount()).isEqualTo(2);
    }

    @Test
    void a_second_connection_of_a_present_user_joining_or_leaving_is_not_announced() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client watcher = chat.joined(chat.newUser(), room);
        Identity bob = chat.newUser();
        Client bobFirst = chat.joined(bob, room);
        watcher.sink().clear();

        Client bobSecond = chat.joined(bob, room);
        chat.core.leaveRoom().leave(bobFirst.connection(), room.value());

        assertThat(watcher.sink().events()).isEmpty();
        assertThat(present(chat, room, bobSecond)).isTrue();
        assertThat(chat.ports.presence().count(room)).isEqualTo(2);
    }

    @Test
    void members_hear_when_the_last_connection_of_a_user_leaves() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client watcher = chat.joined(chat.newUser(), room);
        Identity bob = chat.newUser();
        Client bobFirst = chat.joined(bob, room);
        Client bobSecond = chat.joined(bob, room);
        chat.core.leaveRoom().leave(bobFirst.connection(), room.value());
        watcher.sink().clear();

        chat.core.leaveRoom().leave(bobSecond.connection(), room.value());

        assertThat(watcher.sink().notices()).singleElement()
                .satisfies(notice -> assertThat(notice.text()).contains(bob.name().value()));
        ServerEvent.RoomMembers members = watcher.sink().lastMembers();
        assertThat(members.users()).containsExactly(watcher.identity().name());
        assertThat(members.memberCount()).isEqualTo(1);
        assertThat(present(chat, room, bobSecond)).isFalse();
    }

    // ---- leaving --------------------------------------------------------------------------------

    @Test
    void leaving_a_room_not_joined_is_not_in_room() {
        ChatScenario chat = ChatScenario.start();
        RoomName joined = chat.publicRoom();
        RoomName other = chat.publicRoom();
        Client client = chat.joined(chat.newUser(), joined);

        assertRejected(() -> chat.core.leaveRoom().leave(client.connection(), other.value()), ErrorCode.NOT_IN_ROOM);
        assertRejected(() -> chat.core.leaveRoom().leave(chat.connectWithoutToken().connection(), joined.value()),
                ErrorCode.NOT_IN_ROOM);

        assertThat(present(chat, joined, client)).isTrue();
    }

    @Test
    void a_connection_that_left_receives_nothing_more_from_the_room() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client speaker = chat.joined(chat.newUser(), room);
        Client leaver = chat.joined(chat.newUser(), room);

        chat.core.leaveRoom().leave(leaver.connection(), room.value());
        leaver.sink().clear();
        chat.send(speaker, room, "are you still there?");

        assertThat(leaver.sink().events()).isEmpty();
        assertRejected(() -> chat.core.leaveRoom().leave(leaver.connection(), room.value()), ErrorCode.NOT_IN_ROOM);
    }

    @Test
    void disconnecting_leaves_every_room_and_tells_each_of_them() {
        ChatScenario chat = ChatScenario.start();
        RoomName lobby = chat.publicRoom();
        RoomName games = chat.publicRoom();
        Client lobbyWatcher = chat.joined(chat.newUser(), lobby);
        Client gamesWatcher = chat.joined(chat.newUser(), games);
        Client leaver = chat.joined(chat.newUser(), lobby);
        chat.join(leaver, games);
        lobbyWatcher.sink().clear();
        gamesWatcher.sink().clear();

        chat.core.leaveRoom().disconnect(leaver.connection());

        assertThat(present(chat, lobby, leaver)).isFalse();
        assertThat(present(chat, games, leaver)).isFalse();
        assertThat(chat.ports.presence().count(lobby)).isEqualTo(1);
        assertThat(chat.ports.presence().count(games)).isEqualTo(1);
        assertThat(lobbyWatcher.sink().notices()).singleElement()
                .satisfies(notice -> assertThat(notice.text()).contains(leaver.identity().name().value()));
        assertThat(gamesWatcher.sink().notices()).hasSize(1);
        leaver.sink().clear();
        chat.send(lobbyWatcher, lobby, "bye");
        assertThat(leaver.sink().events()).isEmpty();
    }

    // ---- typing ---------------------------------------------------------------------------------

    @Test
    void typing_reaches_the_other_members_but_none_of_the_typers_own_connections() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Identity alice = chat.newUser();
        Client aliceHere = chat.joined(alice, room);
        Client aliceElsewhere = chat.joined(alice, room);
        Client bob = chat.joined(chat.newUser(), room);

        chat.core.typing().typing(aliceHere.connection(), room.value(), true);
        chat.core.typing().typing(aliceHere.connection(), room.value(), false);

        assertThat(bob.sink().typing()).containsExactly(
                new ServerEvent.Typing(room, alice.name(), true),
                new ServerEvent.Typing(room, alice.name(), false));
        assertThat(aliceHere.sink().typing()).isEmpty();
        assertThat(aliceElsewhere.sink().typing()).isEmpty();
    }

    @Test
    void a_flood_of_typing_frames_is_relayed_once_per_user_and_room_until_the_interval_passes() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Identity alice = chat.newUser();
        Client aliceHere = chat.joined(alice, room);
        Client aliceElsewhere = chat.joined(alice, room);
        Client bob = chat.joined(chat.newUser(), room);

        for (int i = 0; i < 2_000; i++) {
            chat.core.typing().typing((i % 2 == 0 ? aliceHere : aliceElsewhere).connection(), room.value(), true);
        }
        assertThat(bob.sink().typing()).as("one notice for 2,000 frames from two tabs")
                .containsExactly(new ServerEvent.Typing(room, alice.name(), true));

        chat.clock.advance(chat.settings.typingInterval());
        chat.core.typing().typing(aliceHere.connection(), room.value(), true);
        assertThat(bob.sink().typing()).as("still typing after the interval: relayed again").hasSize(2);
    }

    @Test
    void stop_typing_is_relayed_once_and_only_after_a_relayed_start() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Identity alice = chat.newUser();
        Client aliceHere = chat.joined(alice, room);
        Client bob = chat.joined(chat.newUser(), room);

        for (int i = 0; i < 100; i++) {
            chat.core.typing().typing(aliceHere.connection(), room.value(), false);
        }
        assertThat(bob.sink().typing()).as("nothing was started").isEmpty();

        for (int round = 0; round < 50; round++) {
            chat.core.typing().typing(aliceHere.connection(), room.value(), true);
            chat.core.typing().typing(aliceHere.connection(), room.value(), false);
        }
        assertThat(bob.sink().typing()).as("start/stop churn within the interval: one start, one stop").containsExactly(
                new ServerEvent.Typing(room, alice.name(), true),
                new ServerEvent.Typing(room, alice.name(), false));
    }

    @Test
    void typing_in_a_room_not_joined_is_not_in_room_and_tells_nobody() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        Client member = chat.joined(chat.newUser(), room);
        Client outsider = chat.connect(chat.newUser());

        assertRejected(() -> chat.core.typing().typing(outsider.connection(), room.value(), true), ErrorCode.NOT_IN_ROOM);
        assertRejected(() -> chat.core.typing().typing(chat.connectWithoutToken().connection(), room.value(), true),
                ErrorCode.NOT_IN_ROOM);

        assertThat(member.sink().typing()).isEmpty();
    }
}
