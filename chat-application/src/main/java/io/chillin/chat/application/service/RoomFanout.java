package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.HistoryPage;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.port.out.ChatMetrics;
import io.chillin.chat.application.port.out.Member;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * This instance's delivery of room events to its own connections: routes what the bus brings to the room's
 * {@link RoomStream} (the ordered, gap-filled stream of its changes) and to the {@link Lobby} (the room-list watchers),
 * and answers which rooms a connection receives ({@link Memberships}).
 *
 * <p>A room's changes (new messages, edits, deletions, reactions) reach each local member exactly once and in rev
 * order, so its new messages also come in seq order: whatever the bus loses, duplicates or reorders, a gap is filled
 * from the message store before anything newer is delivered, with the messages in their current state (a change
 * overtaken by a later change of the same message is delivered as that later one).
 *
 * <p>A room's stream belongs to one incarnation of the room, told apart by its creation time (its epoch): when the
 * room is deleted its members are told ({@link ServerEvent.RoomDeleted}) and detached, and a join that finds a stream
 * of an older incarnation (its deletion was never heard of here) ends that stream the same way first. So a name
 * deleted and created again starts from seq 1 with no cached history, and the old members never see the new room's
 * messages.
 */
public final class RoomFanout implements RoomBus.Subscriber {

    /** How many missed messages a join with sinceSeq returns at most. */
    public static final int RESUME_LIMIT = RoomStream.RESUME_LIMIT;

    private final MessageStore messages;
    private final Presence presence;
    private final ChatMetrics metrics;
    private final ConcurrentHashMap<String, RoomStream> streams = new ConcurrentHashMap<>();
    private final Memberships memberships = new Memberships();
    private final Lobby lobby;

    private final long reorderWindowNanos;

    /** {@code reorderWindow}: how long a room waits for skipped changes before it fills the gap from the store. */
    public RoomFanout(MessageStore messages, Presence presence, ChatMetrics metrics, Duration reorderWindow) {
        this.messages = messages;
        this.presence = presence;
        this.metrics = metrics;
        this.lobby = new Lobby(presence);
        this.reorderWindowNanos = reorderWindow.toNanos();
    }

    /**
     * Starts delivery to a connection and returns its history, atomically with respect to delivery:
     * the history ends exactly where live delivery begins.
     */
    HistoryPage attach(Connection connection, Room joined, Long sinceSeq, Long sinceRev) {
        RoomName room = joined.name();
        return streams.computeIfAbsent(room.key(), k -> new RoomStream(room, messages, presence, memberships, metrics,
                        reorderWindowNanos))
                .attach(connection, joined, sinceSeq, sinceRev);
    }

    void detach(Connection connection, RoomName room) {
        RoomStream stream = streams.get(room.key());
        if (stream != null) {
            stream.detach(connection);
        }
    }

    /** The room as it is really named, when this connection receives its deliveries (however the caller spelled it). */
    Optional<RoomName> joinedRoom(Connection connection, RoomName asked) {
        return memberships.find(connection, asked);
    }

    /** The newest seq delivered here in the room, when this instance serves it to anybody. */
    Optional<Long> knownSeq(RoomName room) {
        RoomStream stream = streams.get(room.key());
        return stream == null ? Optional.empty() : stream.knownSeq();
    }

    /** The rooms this connection receives deliveries of. */
    List<RoomName> roomsOf(Connection connection) {
        return memberships.of(connection);
    }

    void watchRooms(Connection connection, boolean watch) {
        lobby.watch(connection, watch);
    }

    @Override
    public void onPossibleLoss() {
        resync();
    }

    /** Delivers whatever the store has beyond what was delivered, in every room: after the bus may have lost events. */
    public void resync() {
        for (RoomStream stream : streams.values()) {
            stream.resync();
        }
    }

    @Override
    public void onEvent(RoomEvent event) {
        lobby.tell(event);
        RoomStream stream = streams.get(event.room().key());
        if (stream == null) {
            return;
        }
        switch (event) {
            case RoomEvent.MessageAppended appended -> stream.deliverInOrder(appended.message());
            case RoomEvent.MessageChanged changed -> stream.deliverInOrder(changed.message());
            case RoomEvent.ReadMarkerMoved moved -> {
                // for the reader's connections, wherever they are: see UserFeed
            }
            case RoomEvent.MembershipChanged changed -> {
                String verb = changed.joined() ? " joined the room" : " left the room";
                ServerEvent notice = new ServerEvent.SystemNotice(changed.room(), "system-" + UUID.randomUUID(),
                        changed.user() + verb, changed.at());
                List<ServerEvent> together = List.of(notice, membersOf(changed.room()));
                stream.each(c -> Sinks.sendSafely(c, together));
            }
            case RoomEvent.RoomChanged changed -> {
                if (changed.deleted()) {
                    stream.roomDeleted();
                }
                // otherwise the lobby has been told; a room's members learn nothing new from it
            }
            case RoomEvent.TypingChanged typing -> {
                ServerEvent notice = new ServerEvent.Typing(typing.room(), typing.user(), typing.typing());
                stream.each(c -> {
                    boolean self = c.identity().map(i -> i.key().equals(typing.identityKey())).orElse(false);
                    if (!self) {
                        Sinks.sendSafely(c, notice);
                    }
                });
            }
        }
    }

    ServerEvent.RoomMembers membersOf(RoomName room) {
        List<Member> members = presence.members(room);
        return new ServerEvent.RoomMembers(room, members.stream().map(Member::name).toList(), members.size(),
                members.stream().filter(m -> Identity.isGuestKey(m.identityKey())).map(Member::name)
                        .collect(Collectors.toSet()));
    }
}
