package io.chillin.chat.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.contract.FastTestHasher;
import io.chillin.chat.application.contract.MutableClock;
import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.in.AuthResult;
import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.CreateRoomCommand;
import io.chillin.chat.application.port.in.EventSink;
import io.chillin.chat.application.port.in.JoinResult;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.RegisterCommand;
import io.chillin.chat.application.port.in.SendMessageCommand;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.application.port.out.PasswordHasher;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * One test's world: a {@link ChatCore} on fresh in-memory ports with a clock the test moves by hand,
 * plus the few moves every use-case test makes (register, connect, join, send) and a recording sink.
 * Each test starts its own scenario, so nothing mutable is shared between tests.
 */
final class ChatScenario {

    static final String PASSWORD = "correct horse 1";

    final MutableClock clock = MutableClock.atEpochDay();
    final ChatSettings settings;
    final ChatPorts ports;
    final ChatCore core;

    private ChatScenario(ChatSettings settings, PasswordHasher hasher, UnaryOperator<ChatPorts> portsWrapper) {
        this.settings = settings;
        this.ports = portsWrapper.apply(ChatPorts.inMemory(hasher, settings, clock));
        this.core = ChatCore.create(ports, settings, clock);
    }

    static ChatScenario start() {
        return new ChatScenario(ChatSettings.DEFAULT, new FastTestHasher(), UnaryOperator.identity());
    }

    static ChatScenario start(ChatSettings settings) {
        return new ChatScenario(settings, new FastTestHasher(), UnaryOperator.identity());
    }

    static ChatScenario withHasher(PasswordHasher hasher) {
        return new ChatScenario(ChatSettings.DEFAULT, hasher, UnaryOperator.identity());
    }

    /** A core whose bus is the in-process bus as transformed by {@code wrapper} (one that loses events, say). */
    static ChatScenario withBus(UnaryOperator<RoomBus> wrapper) {
        return withBus(ChatSettings.DEFAULT, wrapper);
    }

    static ChatScenario withBus(ChatSettings settings, UnaryOperator<RoomBus> wrapper) {
        return custom(settings, memory -> memory.withShared(
                wrapper.apply(memory.bus()), memory.presence(), memory.messageRate(), memory.authRate()));
    }

    /** A core on the in-memory ports as {@code ports} changes them. */
    static ChatScenario custom(ChatSettings settings, UnaryOperator<ChatPorts> ports) {
        return new ChatScenario(settings, new FastTestHasher(), ports);
    }

    /** A core whose message store is the in-memory one as transformed by {@code wrapper} (one that counts, say). */
    static ChatScenario withMessages(UnaryOperator<MessageStore> wrapper) {
        return new ChatScenario(ChatSettings.DEFAULT, new FastTestHasher(), memory -> memory.withStores(
                memory.users(), memory.rooms(), wrapper.apply(memory.messages())));
    }

    // ---- accounts -------------------------------------------------------------------------------

    /** A client address of its own, so per-address throttles never couple two steps of a test. */
    static String address() {
        return TestNames.unique("203.0.113.");
    }

    AuthResult register(String username) {
        return core.register().register(new RegisterCommand(username, PASSWORD, null), address());
    }

    /** A freshly registered user with a unique name. */
    Identity newUser() {
        return core.authenticate().authenticate(register(TestNames.user().value()).token());
    }

    /** A guest with a token, under the given display name. */
    Identity guest(String name) {
        return core.authenticate().authenticate(core.enterAsGuest().enterAsGuest(name).token());
    }

    // ---- rooms and connections ------------------------------------------------------------------

    /** A new public room with a unique name, created by a new user. */
    RoomName publicRoom() {
        return core.createRoom().createRoom(new CreateRoomCommand(newUser(), TestNames.room().value(), null, null))
                .name();
    }

    /** A new private room with a unique name and the given password. */
    RoomName privateRoom(String password) {
        return core.createRoom().createRoom(new CreateRoomCommand(newUser(), TestNames.room().value(), null, password))
                .name();
    }

    Client connect(Identity identity) {
        RecordingSink sink = new RecordingSink();
        return new Client(Connection.open(identity, sink), sink);
    }

    /** A connection opened with a token, as a WebSocket upgrade opens one: it ends when its session ends. */
    Client connectWithToken(String token) {
        RecordingSink sink = new RecordingSink();
        return new Client(core.connections().open(core.connections().admit(token), address(), sink), sink);
    }

    /** A connection that came without a token: it gets its identity from the name of its first join. */
    Client connectWithoutToken() {
        return connect(null);
    }

    /** A connection without a token from this client address, as the edge would open it (per-address limits count by it). */
    Client connectFrom(String address) {
        RecordingSink sink = new RecordingSink();
        return new Client(Connection.open(null, address, sink), sink);
    }

    JoinResult join(Client client, RoomName room) {
        return core.joinRoom().join(client.connection(), new JoinRoomCommand(room.value(), null, null, null));
    }

    /** A new connection of {@code identity} that has joined {@code room}. */
    Client joined(Identity identity, RoomName room) {
        Client client = connect(identity);
        join(client, room);
        return client;
    }

    // ---- messages -------------------------------------------------------------------------------

    ChatMessage send(Client client, RoomName room, String text) {
        return send(client, room, TestNames.unique("t-"), text);
    }

    ChatMessage send(Client client, RoomName room, String tempId, String text) {
        return core.sendMessage().send(client.connection(), new SendMessageCommand(room.value(), tempId, text));
    }

    /** Sends {@code count} messages from one client, moving the clock so that the rate limit never bites. */
    void sendPaced(Client client, RoomName room, int count) {
        for (int i = 0; i < count; i++) {
            send(client, room, "paced " + i);
            clock.advance(settings.messageWindow());
        }
    }

    /** Puts messages straight into the store (history that predates the test's connections). */
    void seed(RoomName room, int count) {
        Username author = Username.of("seeder");
        for (int i = 1; i <= count; i++) {
            ports.messages().append(new NewMessage(room, author, "user:seeder", TempId.of(TestNames.unique("s-")),
                    MessageText.of("seeded " + i), clock.instant()));
        }
    }

    long stored(RoomName room) {
        return ports.messages().lastSeq(room);
    }

    static List<Long> seqs(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::seq).toList();
    }

    static List<Long> seqRange(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    // ---- rejections -----------------------------------------------------------------------------

    /** The expected rejection thrown by {@code call}; fails when it returns or throws something else. */
    static ChatException rejection(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a ChatException").isInstanceOf(ChatException.class);
        return (ChatException) thrown;
    }

    static ChatException assertRejected(ThrowingCallable call, ErrorCode code) {
        ChatException rejection = rejection(call);
        assertThat(rejection.code()).as(rejection.getMessage()).isEqualTo(code);
        return rejection;
    }

    static void assertInvalid(ThrowingCallable call, String field) {
        ChatException rejection = assertRejected(call, ErrorCode.VALIDATION);
        assertThat(rejection).isInstanceOfSatisfying(ChatException.Invalid.class,
                invalid -> assertThat(invalid.field()).as(rejection.getMessage()).isEqualTo(field));
    }

    // ---- connections and what they receive ------------------------------------------------------

    /** A connection and the sink that records what the core pushed to it. */
    record Client(Connection connection, RecordingSink sink) {

        Identity identity() {
            return connection.identity().orElseThrow();
        }
    }

    /** An {@link EventSink} that keeps every event; safe to feed from several threads. */
    static final class RecordingSink implements EventSink {

        private final List<ServerEvent> events = new CopyOnWriteArrayList<>();
        private final List<String> endings = new CopyOnWriteArrayList<>();

        @Override
        public void send(ServerEvent event) {
            events.add(event);
        }

        @Override
        public void sessionEnded(String reason) {
            endings.add(reason);
        }

        /** The reasons the core gave for ending the connection's session, in order. */
        List<String> endings() {
            return List.copyOf(endings);
        }

        List<ServerEvent> events() {
            return List.copyOf(events);
        }

        <T extends ServerEvent> List<T> events(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<ChatMessage> messages() {
            return events(ServerEvent.MessagePosted.class).stream().map(ServerEvent.MessagePosted::message).toList();
        }

        List<Long> seqs() {
            return ChatScenario.seqs(messages());
        }

        List<ServerEvent.SystemNotice> notices() {
            return events(ServerEvent.SystemNotice.class);
        }

        List<ServerEvent.Typing> typing() {
            return events(ServerEvent.Typing.class);
        }

        /** The latest member list pushed, if any. */
        ServerEvent.RoomMembers lastMembers() {
            List<ServerEvent.RoomMembers> all = events(ServerEvent.RoomMembers.class);
            assertThat(all).as("member lists received").isNotEmpty();
            return all.getLast();
        }

        void clear() {
            events.clear();
        }
    }
}
