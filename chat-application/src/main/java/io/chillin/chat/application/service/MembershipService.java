package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.HistoryPage;
import io.chillin.chat.application.port.in.JoinResult;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.JoinRoomUseCase;
import io.chillin.chat.application.port.in.LeaveRoomUseCase;
import io.chillin.chat.application.port.in.RoomView;
import io.chillin.chat.application.port.in.TypingUseCase;
import io.chillin.chat.application.port.in.WatchRoomsUseCase;
import io.chillin.chat.application.port.out.ChatMetrics;
import io.chillin.chat.application.port.out.Member;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.application.port.out.UserStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.LookAlikes;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** A live connection's presence in rooms: join, leave, disconnect, typing notices. */
public final class MembershipService implements JoinRoomUseCase, LeaveRoomUseCase, TypingUseCase, WatchRoomsUseCase {

    private final RoomStore rooms;
    private final UserStore users;
    private final Presence presence;
    private final RoomBus bus;
    private final RoomFanout fanout;
    private final RoomGate gate;
    private final TypingThrottle typingThrottle;
    private final UsageGuard usage;
    private final Clock clock;
    private final ChatMetrics metrics;

    public MembershipService(RoomStore rooms, UserStore users, Presence presence, RoomBus bus, RoomFanout fanout,
                             RoomGate gate, Duration typingInterval, UsageGuard usage, Clock clock) {
        this(rooms, users, presence, bus, fanout, gate, typingInterval, usage, clock, ChatMetrics.NONE);
    }

    public MembershipService(RoomStore rooms, UserStore users, Presence presence, RoomBus bus, RoomFanout fanout,
                             RoomGate gate, Duration typingInterval, UsageGuard usage, Clock clock, ChatMetrics metrics) {
        this.metrics = metrics;
        this.usage = usage;
        this.rooms = rooms;
        this.users = users;
        this.presence = presence;
        this.bus = bus;
        this.fanout = fanout;
        this.gate = gate;
        this.typingThrottle = new TypingThrottle(typingInterval, clock);
        this.clock = clock;
    }

    @Override
    public JoinResult join(Connection connection, JoinRoomCommand command) {
        connection.ensureLive();
        RoomName name = RoomName.of(command.room());
        Long sinceSeq = command.sinceSeq();
        if (sinceSeq != null && sinceSeq < 0) {
            throw new ChatException.Invalid("sinceSeq", "sinceSeq must be zero or a positive seq");
        }
        Long sinceRev = command.sinceRev();
        if (sinceRev != null && (sinceRev < 0 || sinceSeq != null)) {
            throw new ChatException.Invalid("sinceRev", sinceSeq != null ? "give either sinceSeq or sinceRev, not both"
                    : "sinceRev must be zero or a positive rev");
        }
        Identity identity = identityFor(connection, command.name());
        usage.joinOrLeave(connection);
        if (fanout.joinedRoom(connection, name).isEmpty()) {
            usage.roomsHeld(fanout.roomsOf(connection).size());
        }
        Room room = findOrCreate(name, identity, connection.address());
        gate.admit(room, command.password(), connection.address());

        Presence.Entry entry = presence.enter(room.name(), Member.of(identity), connection.id());
        if (entry == Presence.Entry.NAME_TAKEN) {
            throw new ChatException.NameTaken("'" + identity.name() + "' is already used by somebody else in this room");
        }
        // A guest's name binds to its connection only once a join succeeded, so a refused name can be replaced.
        if (!connection.assumeIdentity(identity).equals(identity)) {
            presence.exit(room.name(), connection.id());
            throw new ChatException.Invalid("name", "this connection already joined under another name");
        }
        HistoryPage history;
        try {
            history = fanout.attach(connection, room, sinceSeq, sinceRev);
        } catch (RuntimeException e) {
            presence.exit(room.name(), connection.id());
            throw e;
        }
        if (entry == Presence.Entry.FIRST_CONNECTION) {
            bus.publish(new RoomEvent.MembershipChanged(room.name(), identity.name(), true, now()));
        }
        metrics.joined();
        var members = fanout.membersOf(room.name());
        return new JoinResult(RoomView.of(room, members.memberCount()), history, members);
    }

    @Override
    public void leave(Connection connection, String room) {
        RoomName name = joined(connection, room);
        usage.joinOrLeave(connection);
        exit(connection, name);
    }

    @Override
    public void watchRooms(Connection connection, boolean watch) {
        usage.watch(connection);
        fanout.watchRooms(connection, watch);
    }

    @Override
    public void disconnect(Connection connection) {
        fanout.watchRooms(connection, false);
        for (RoomName room : fanout.roomsOf(connection)) {
            exit(connection, room);
        }
    }

    @Override
    public void typing(Connection connection, String room, boolean typing) {
        RoomName name = joined(connection, room);
        Identity identity = connection.identity().orElseThrow();
        if (typingThrottle.shouldRelay(identity.key(), name, typing)) {
            bus.publish(new RoomEvent.TypingChanged(name, identity.name(), identity.key(), typing));
        }
    }

    /** Sweeps presence and tells each room who left with a dead instance; call every few seconds in a cluster. */
    public void sweepPresence() {
        for (Presence.Departure gone : presence.sweep()) {
            bus.publish(new RoomEvent.MembershipChanged(gone.room(), gone.member().name(), false, now()));
        }
    }

    /** Times on the wire have millisecond precision, like stored messages. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The room, as really named, that this connection is in. @throws ChatException.NotInRoom otherwise */
    private RoomName joined(Connection connection, String room) {
        RoomName asked = RoomName.of(room);
        return fanout.joinedRoom(connection, asked)
                .orElseThrow(() -> new ChatException.NotInRoom("you are not in room '" + asked + "'"));
    }

    private void exit(Connection connection, RoomName room) {
        fanout.detach(connection, room);
        if (presence.exit(room, connection.id()) == Presence.Exit.LAST_CONNECTION) {
            Identity identity = connection.identity().orElseThrow();
            typingThrottle.forget(identity.key(), room);
            bus.publish(new RoomEvent.MembershipChanged(room, identity.name(), false, now()));
        }
    }

    /** A token's identity wins; a connection without one becomes a guest under the name of its first join. */
    private Identity identityFor(Connection connection, String requestedName) {
        if (connection.identity().isPresent()) {
            Identity known = connection.identity().get();
            // A guest token keeps its name; once somebody registered that name, or a look-alike, the account owns it in
            // every room.
            if (known.guest()) {
                GuestNames.refuseRegistered(users, known.name(),
                        "it was registered after this guest name was given: enter again under another name");
            }
            return known;
        }
        if (requestedName == null) {
            throw new ChatException.Invalid("name", "name is required to join without a token");
        }
        Username name = Username.of(requestedName, "name");
        LookAlikes.refuse(name.value(), "name");
        GuestNames.refuseRegistered(users, name, "log in or pick another name");
        return Identity.guest(name, connection.id());
    }

    /**
     * A join of a name that only looks like an existing room's is refused rather than sent there: the joiner may have
     * meant either, and the room it names is not the one they would be in.
     */
    private Room findOrCreate(RoomName name, Identity creator, String address) {
        return rooms.find(name).orElseGet(() -> {
            LookAlikes.refuse(name.value(), "room");
            Optional<Room> lookAlike = rooms.findLookAlike(name);
            if (lookAlike.isPresent()) {
                if (lookAlike.get().name().key().equals(name.key())) {
                    // the same name, created meanwhile by another instance's quick-join: join it
                    return lookAlike.get();
                }
                throw name.takenBy(lookAlike.get().name());
            }
            UsageGuard.RoomPermit permit = usage.roomCreation(creator, address);
            Room fresh = Room.quickJoined(name, creator.name(), clock.instant());
            try {
                rooms.create(fresh);
                return fresh;
            } catch (ChatException.Conflict raced) {
                permit.giveBack();
                return rooms.find(name).orElseThrow(() -> raced);
            }
        });
    }
}
