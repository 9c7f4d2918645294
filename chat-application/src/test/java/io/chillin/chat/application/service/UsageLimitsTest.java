package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.chillin.chat.application.AddressRanges;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.GuessLimits;
import io.chillin.chat.application.UsageLimits;
import io.chillin.chat.application.UsageLimits.Rate;
import io.chillin.chat.application.port.in.AddressSlot;
import io.chillin.chat.application.port.in.Connection;
import java.util.List;
import java.util.ArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import io.chillin.chat.application.port.in.CreateRoomCommand;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.LogInCommand;
import io.chillin.chat.application.port.in.RegisterCommand;
import io.chillin.chat.application.service.ChatScenario.Client;
import io.chillin.chat.application.service.ChatScenario.RecordingSink;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every command that makes the server work for others has a rate, and what a client holds has a cap. */
class UsageLimitsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final String EXEMPT = "192.0.2.10";

    private static UsageLimits limits(int joins, int roomsPerUser, int roomsPerAddress, int guests, int guestMessages,
                                      int watches, int roomsPerConnection, int connectionsPerUser, int connectionsPerAddress) {
        return new UsageLimits(new Rate(joins, MINUTE), new Rate(roomsPerUser, HOUR), new Rate(roomsPerAddress, HOUR),
                new Rate(guests, HOUR), new Rate(guestMessages, Duration.ofSeconds(10)), new Rate(watches, MINUTE),
                roomsPerConnection, connectionsPerUser, connectionsPerAddress, AddressRanges.parse(EXEMPT + "/32"));
    }

    private static ChatScenario chatWith(UsageLimits limits) {
        return ChatScenario.start(ChatSettings.DEFAULT.withUsageLimits(limits));
    }

    private static Client connect(ChatScenario chat, Identity identity, String address) {
        RecordingSink sink = new RecordingSink();
        return new Client(Connection.open(identity, address, sink), sink);
    }

    private static JoinRoomCommand join(RoomName room) {
        return new JoinRoomCommand(room.value(), null, null, null);
    }

    @Test
    void joins_and_leaves_of_one_user_are_rate_limited_and_the_wait_is_told() {
        ChatScenario chat = chatWith(limits(3, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000));
        RoomName room = chat.publicRoom();
        Client alice = chat.connect(chat.newUser());
        chat.join(alice, room);
        chat.core.leaveRoom().leave(alice.connection(), room.value());
        chat.join(alice, room);

        ChatException refused = assertRejected(() -> chat.core.leaveRoom().leave(alice.connection(), room.value()),
                ErrorCode.RATE_LIMITED);
        assertThat(((ChatException.RateLimited) refused).retryAfter()).isPositive().isLessThanOrEqualTo(MINUTE);
        assertThat(chat.ports.presence().count(room)).as("the refused leave changed nothing").isEqualTo(1);

        chat.clock.advance(MINUTE);
        chat.core.leaveRoom().leave(alice.connection(), room.value());
    }

    @Test
    void a_connection_holds_a_bounded_number_of_rooms() {
        ChatScenario chat = chatWith(limits(1000, 1000, 1000, 1000, 1000, 1000, 2, 1000, 1000));
        RoomName a = chat.publicRoom();
        RoomName b = chat.publicRoom();
        RoomName c = chat.publicRoom();
        Client alice = chat.connect(chat.newUser());
        chat.join(alice, a);
        chat.join(alice, b);
        chat.join(alice, b); // joining a room it is in already holds nothing more

        assertRejected(() -> chat.join(alice, c), ErrorCode.RATE_LIMITED);
        assertThat(chat.ports.presence().count(c)).isZero();

        chat.core.leaveRoom().leave(alice.connection(), a.value());
        chat.join(alice, c);
    }

    @Test
    void room_creation_is_limited_per_user_and_per_address_and_a_refusal_creates_nothing() {
        ChatScenario chat = chatWith(limits(1000, 2, 3, 1000, 1000, 1000, 1000, 1000, 1000));
        Identity alice = chat.newUser();
        String address = ChatScenario.address();
        chat.core.createRoom().createRoom(new CreateRoomCommand(alice, "made-1-" + System.nanoTime(), null, null, address));
        Client socket = connect(chat, alice, address);
        chat.core.joinRoom().join(socket.connection(), new JoinRoomCommand("quick-" + System.nanoTime(), null, null, null));
        String third = "third-" + System.nanoTime();
        assertRejected(() -> chat.core.joinRoom().join(socket.connection(), new JoinRoomCommand(third, null, null, null)),
                ErrorCode.RATE_LIMITED);
        assertThat(chat.ports.rooms().find(RoomName.of(third))).isEmpty();

        Identity bob = chat.newUser();
        chat.core.createRoom().createRoom(new CreateRoomCommand(bob, "bob-1-" + System.nanoTime(), null, null, address));
        assertRejected(() -> chat.core.createRoom().createRoom(
                new CreateRoomCommand(bob, "bob-2-" + System.nanoTime(), null, null, address)), ErrorCode.RATE_LIMITED);
        assertThatCode(() -> chat.core.createRoom().createRoom(
                new CreateRoomCommand(bob, "bob-3-" + System.nanoTime(), null, null, EXEMPT)))
                .as("an exempt address escapes the per-address limit").doesNotThrowAnyException();
        assertRejected(() -> chat.core.createRoom().createRoom(
                new CreateRoomCommand(bob, "bob-4-" + System.nanoTime(), null, null, EXEMPT)), ErrorCode.RATE_LIMITED);
    }

    @Test
    void guest_tokens_are_limited_per_address_except_for_exempt_ones() {
        ChatScenario chat = chatWith(limits(1000, 1000, 1000, 2, 1000, 1000, 1000, 1000, 1000));
        String address = ChatScenario.address();
        chat.core.enterAsGuest().enterAsGuest("g1" + System.nanoTime() % 10000, address);
        chat.core.enterAsGuest().enterAsGuest("g2" + System.nanoTime() % 10000, address);
        assertRejected(() -> chat.core.enterAsGuest().enterAsGuest("g3" + System.nanoTime() % 10000, address),
                ErrorCode.RATE_LIMITED);
        for (int i = 0; i < 5; i++) {
            chat.core.enterAsGuest().enterAsGuest("e" + i + System.nanoTime() % 10000, EXEMPT);
        }
    }

    @Test
    void the_guests_of_one_address_share_a_message_budget_and_accounts_keep_their_own() {
        ChatScenario chat = chatWith(limits(1000, 1000, 1000, 1000, 3, 1000, 1000, 1000, 1000));
        RoomName room = chat.publicRoom();
        String address = ChatScenario.address();
        Client first = connect(chat, null, address);
        Client second = connect(chat, null, address);
        Client account = connect(chat, chat.newUser(), address);
        for (Client c : new Client[] {first, second, account}) {
            chat.core.joinRoom().join(c.connection(), new JoinRoomCommand(room.value(), "g" + System.nanoTime() % 100000,
                    null, null));
        }
        chat.send(first, room, "one");
        chat.send(first, room, "two");
        chat.send(second, room, "three");

        assertRejected(() -> chat.send(second, room, "four"), ErrorCode.RATE_LIMITED);
        assertThat(chat.stored(room)).isEqualTo(3);
        assertThat(chat.send(account, room, "an account has its own budget").seq()).isEqualTo(4);
        chat.clock.advance(Duration.ofSeconds(10));
        assertThat(chat.send(second, room, "later").seq()).isEqualTo(5);
    }

    @Test
    void watching_the_room_list_is_rate_limited_per_connection() {
        ChatScenario chat = chatWith(limits(1000, 1000, 1000, 1000, 1000, 2, 1000, 1000, 1000));
        Client client = chat.connectWithoutToken();
        chat.core.watchRooms().watchRooms(client.connection(), true);
        chat.core.watchRooms().watchRooms(client.connection(), false);
        assertRejected(() -> chat.core.watchRooms().watchRooms(client.connection(), true), ErrorCode.RATE_LIMITED);
    }

    @Test
    void connections_are_capped_per_user_and_per_address_and_closing_one_frees_its_place() {
        ChatScenario chat = chatWith(limits(1000, 1000, 1000, 1000, 1000, 1000, 1000, 2, 2));
        String token = chat.register("cap" + System.nanoTime() % 100000).token();
        var connections = chat.core.connections();
        Connection one = connections.open(connections.admit(token), ChatScenario.address(), new RecordingSink());
        connections.open(connections.admit(token), ChatScenario.address(), new RecordingSink());
        assertRejected(() -> connections.admit(token), ErrorCode.RATE_LIMITED);
        connections.closed(one);
        assertThatCode(() -> connections.admit(token)).doesNotThrowAnyException();

        String address = ChatScenario.address();
        Connection first = connections.open(null, connections.reserve(address), new RecordingSink());
        AddressSlot second = connections.reserve(address);
        assertRejected(() -> connections.reserve(address), ErrorCode.RATE_LIMITED);
        connections.open(null, second, new RecordingSink());
        connections.closed(first);
        connections.closed(first); // a second close of the same connection frees nothing more
        AddressSlot failedUpgrade = connections.reserve(address);
        assertRejected(() -> connections.reserve(address), ErrorCode.RATE_LIMITED);
        failedUpgrade.release();
        failedUpgrade.release(); // given back once
        connections.open(null, connections.reserve(address), new RecordingSink());
        assertRejected(() -> connections.reserve(address), ErrorCode.RATE_LIMITED);

        for (int i = 0; i < 5; i++) {
            connections.open(null, connections.reserve(EXEMPT), new RecordingSink());
        }
        assertThatCode(() -> connections.reserve(EXEMPT)).doesNotThrowAnyException();
    }

    @Test
    void upgrades_racing_each_other_from_one_address_cannot_take_more_places_than_the_cap() throws Exception {
        ChatScenario chat = chatWith(limits(1000, 1000, 1000, 1000, 1000, 1000, 1000, 2, 5));
        var connections = chat.core.connections();
        String address = ChatScenario.address();
        // the upgrades are all accepted before any of their connections opens, as happens when a client races them
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> upgrades = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                upgrades.add(pool.submit(() -> {
                    try {
                        connections.reserve(address);
                        accepted.incrementAndGet();
                    } catch (ChatException.RateLimited refused) {
                        // past the cap
                    }
                }));
            }
            for (var upgrade : upgrades) {
                upgrade.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(accepted.get()).isEqualTo(5);
    }

    @Test
    void an_exempt_address_escapes_the_per_address_guess_and_registration_limits_but_not_the_rooms_own() {
        ChatScenario chat = ChatScenario.start(ChatSettings.DEFAULT.withAuthLimit(2)
                .withGuessLimits(new GuessLimits(
                        GuessLimits.Limit.perMinute(2),
                        GuessLimits.Limit.perMinute(2),
                        GuessLimits.Limit.perMinute(2),
                        GuessLimits.Limit.perMinute(4)))
                .withUsageLimits(limits(1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000)));
        for (int i = 0; i < 4; i++) {
            chat.core.register().register(new RegisterCommand(
                    "ex" + i + System.nanoTime() % 10000, ChatScenario.PASSWORD, null), EXEMPT);
        }
        String name = "target" + System.nanoTime() % 10000;
        chat.register(name);
        for (int i = 0; i < 4; i++) {
            assertRejected(() -> chat.core.logIn().logIn(
                    new LogInCommand(name, "wrong password"), EXEMPT),
                    ErrorCode.UNAUTHORIZED);
        }
        RoomName room = chat.privateRoom("room secret 1");
        for (int i = 0; i < 4; i++) {
            assertRejected(() -> chat.core.checkRoomAccess().checkAccess(null, room.value(), "wrong one", EXEMPT),
                    ErrorCode.FORBIDDEN);
        }
        assertRejected(() -> chat.core.checkRoomAccess().checkAccess(null, room.value(), "wrong one", EXEMPT),
                ErrorCode.RATE_LIMITED);
    }

    @Test
    void the_defaults_leave_ordinary_use_alone() {
        ChatScenario chat = chatWith(UsageLimits.DEFAULT);
        Client alice = chat.connect(chat.newUser());
        for (int i = 0; i < 5; i++) {
            RoomName room = chat.publicRoom();
            chat.join(alice, room);
            assertThat(chat.send(alice, room, "hello " + i).seq()).isEqualTo(1);
        }
    }
}
