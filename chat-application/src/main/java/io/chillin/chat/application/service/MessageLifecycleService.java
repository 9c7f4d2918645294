package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.MessageLifecycleUseCase;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.port.out.ChatMetrics;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.application.port.out.RateLimiter;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.application.port.out.UserStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.Emoji;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalLong;

/**
 * Edits, deletions, reactions and read markers. Each change is decided by the message's own rules against its state
 * as stored, inside the store's transaction that gives it the room's next rev, and is then published: the room's
 * members get it in rev order like new messages.
 */
public final class MessageLifecycleService implements MessageLifecycleUseCase {

    private final RoomFanout fanout;
    private final MessageStore messages;
    private final RoomStore rooms;
    private final RoomBus bus;
    private final MessageBudget budget;
    private final Mentioning mentioning;
    private final LiveSessions connections;
    private final Clock clock;
    private final ChatMetrics metrics;

    MessageLifecycleService(RoomFanout fanout, MessageStore messages, RoomStore rooms, RoomBus bus, MessageBudget budget,
                            Mentioning mentioning, LiveSessions connections, Clock clock, ChatMetrics metrics) {
        this.metrics = metrics;
        this.fanout = fanout;
        this.messages = messages;
        this.rooms = rooms;
        this.bus = bus;
        this.budget = budget;
        this.mentioning = mentioning;
        this.connections = connections;
        this.clock = clock;
    }

    /** Wires the service from the core's ports. */
    public static MessageLifecycleService create(RoomFanout fanout, MessageStore messages, RoomStore rooms,
                                                 UserStore users, RoomBus bus,
                                                 RateLimiter messageRate,
                                                 UsageGuard usage, LiveSessions connections, Clock clock,
                                                 ChatMetrics metrics) {
        return new MessageLifecycleService(fanout, messages, rooms, bus, new MessageBudget(messageRate, usage),
                new Mentioning(users), connections, clock, metrics);
    }

    @Override
    public void edit(Connection connection, String room, long seq, String text) {
        Member member = member(connection, room);
        MessageText newText = MessageText.of(text);
        List<Username> mentions = mentioning.of(newText);
        change(connection, member, seq, "edit", (current, rev) -> {
            if (!current.authorKey().equals(member.identity.key())) {
                throw new ChatException.Forbidden("only its author may edit a message");
            }
            return current.edited(newText, mentions, clock.instant().truncatedTo(ChronoUnit.MILLIS), rev);
        });
    }

    /**
     * A room's creator is kept as a name; a guest's name passes to anyone once the guest is gone, so only an account
     * that made the room moderates it.
     */
    @Override
    public void delete(Connection connection, String room, long seq) {
        Member member = member(connection, room);
        boolean creator = !member.identity.guest() && rooms.find(member.room).map(Room::creator)
                .map(c -> c.sameAs(member.identity.name())).orElse(false);
        change(connection, member, seq, "delete", (current, rev) -> {
            if (!creator && !current.authorKey().equals(member.identity.key())) {
                throw new ChatException.Forbidden("only its author or the room's creator may delete a message"
                        + " (a room a guest made has none: a guest's name does not stay its own)");
            }
            return current.deletedAs(rev);
        });
    }

    @Override
    public void react(Connection connection, String room, long seq, String emoji, boolean on) {
        Member member = member(connection, room);
        Emoji chosen = Emoji.of(emoji);
        change(connection, member, seq, "react", (current, rev) -> current.reacted(chosen, member.identity.name(), on, rev));
    }

    @Override
    public void markRead(Connection connection, String room, long seq) {
        Member member = member(connection, room);
        if (seq < 0) {
            throw new ChatException.Invalid("seq", "seq must be zero or a positive seq");
        }
        // markRead is unmetered (the contract counts only changes against the budget), so a frame that cannot move
        // the marker must not cost a transaction: what this connection learnt of the marker, and the newest seq
        // delivered here, answer a repeat or a seq beyond the newest without asking the store.
        String key = member.room.key();
        long known = connection.readAtLeast(key);
        long newest = fanout.knownSeq(member.room).orElse(Long.MAX_VALUE);
        if (seq <= known || known >= newest) {
            return;
        }
        OptionalLong moved = messages.markRead(member.room, member.identity.key(), seq);
        // moved or not, the marker is now at least min(seq, newest): a no-op leaves it at or above that too
        connection.learnRead(key, moved.orElse(Math.min(seq, newest)));
        if (moved.isEmpty()) {
            return;
        }
        bus.publish(new RoomEvent.ReadMarkerMoved(member.room, member.identity.key(), moved.getAsLong()));
        if (!connections.connectionsOf(member.identity.key()).contains(connection)) {
            // a guest without a token is known by this connection alone, which the feed does not track
            connection.sink().send(new ServerEvent.ReadMarker(member.room, moved.getAsLong()));
        }
    }

    private void change(Connection connection, Member member, long seq, String kind, MessageStore.Change rule) {
        if (seq < 1) {
            throw new ChatException.NotFound("no message " + seq + " in room '" + member.room + "'");
        }
        MessageBudget.Outcome outcome = budget.take(connection, member.identity);
        if (outcome.refused()) {
            throw new ChatException.RateLimited("slow down: too many messages; try again in "
                    + Math.max(1, outcome.retryAfter().toSeconds()) + " s", outcome.retryAfter());
        }
        MessageStore.Changed changed;
        try {
            changed = messages.change(member.room, seq, rule);
        } catch (RuntimeException refused) {
            outcome.taken().giveBack();
            throw refused;
        }
        if (changed.changed()) {
            metrics.changed(kind);
            bus.publish(new RoomEvent.MessageChanged(changed.message()));
        }
    }

    private Member member(Connection connection, String room) {
        connection.ensureLive();
        Identity identity = connection.identity()
                .orElseThrow(() -> new ChatException.Unauthorized("join a room first"));
        RoomName asked = RoomName.of(room);
        RoomName joined = fanout.joinedRoom(connection, asked)
                .orElseThrow(() -> new ChatException.NotInRoom("you are not in room '" + asked + "'"));
        return new Member(identity, joined);
    }

    private record Member(Identity identity, RoomName room) {
    }
}
