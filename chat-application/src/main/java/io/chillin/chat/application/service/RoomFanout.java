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
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.ReplyQuote;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * This instance's delivery of room events to its own connections. A room's changes (new messages, edits, deletions,
 * reactions) reach each local member exactly once and in rev order, so its new messages also come in seq order:
 * whatever the bus loses, duplicates or reorders, a gap is filled from the message store before anything newer is
 * delivered. A gap is filled with the messages in their current state: a change overtaken by a later change of the same
 * message is delivered as that later one.
 *
 * <p>A room's stream belongs to one incarnation of the room, told apart by its creation time (its epoch): when the
 * room is deleted its members are told ({@link ServerEvent.RoomDeleted}) and detached, and a join that finds a
 * stream of an older incarnation (its deletion was never heard of here) ends that stream the same way first. So a
 * name deleted and created again starts from seq 1 with no cached history, and the old members never see the new
 * room's messages.
 */
public final class RoomFanout implements RoomBus.Subscriber {

    /** How many missed messages a join with sinceSeq returns at most. */
    public static final int RESUME_LIMIT = 500;
    private static final int GAP_BATCH = 500;
    private static final int RECENT = RoomService.DEFAULT_PAGE + 1;
    private static final Logger LOG = System.getLogger(RoomFanout.class.getName());

    private final MessageStore messages;
    private final Presence presence;
    private final ChatMetrics metrics;
    private final ConcurrentHashMap<String, Channel> channels = new ConcurrentHashMap<>();
    /** Connections watching the room list (the lobby), whatever rooms they are in. */
    private final Set<Connection> lobby = new CopyOnWriteArraySet<>();

    public RoomFanout(MessageStore messages, Presence presence) {
        this(messages, presence, ChatMetrics.NONE);
    }

    public RoomFanout(MessageStore messages, Presence presence, ChatMetrics metrics) {
        this.messages = messages;
        this.presence = presence;
        this.metrics = metrics;
    }

    /**
     * Starts delivery to a connection and returns its history, atomically with respect to delivery:
     * the history ends exactly where live delivery begins.
     */
    HistoryPage attach(Connection connection, Room joined, Long sinceSeq, Long sinceRev) {
        RoomName room = joined.name();
        Channel channel = channels.computeIfAbsent(room.key(), k -> new Channel(room));
        channel.lock.lock();
        try {
            // to the millisecond, as every store keeps it: a room just created in memory may carry more digits
            Instant epoch = joined.createdAt().truncatedTo(ChronoUnit.MILLIS);
            if (!epoch.equals(channel.epoch)) {
                endIncarnation(channel);
                channel.epoch = epoch;
            }
            if (channel.members.isEmpty()) {
                MessageStore.Position position = messages.position(room);
                channel.deliveredSeq = position.seq();
                channel.deliveredRev = position.rev();
                channel.recent.clear();
            }
            HistoryPage history = sinceRev != null ? changedSince(room, sinceRev, channel.deliveredSeq)
                    : sinceSeq != null ? resume(room, sinceSeq, channel.deliveredSeq) : latest(channel);
            history = history.withRev(channel.deliveredRev);
            channel.members.remove(connection);
            channel.members.add(connection);
            return history;
        } finally {
            channel.lock.unlock();
        }
    }

    void detach(Connection connection, RoomName room) {
        Channel channel = channels.get(room.key());
        if (channel == null) {
            return;
        }
        channel.lock.lock();
        try {
            channel.members.remove(connection);
        } finally {
            channel.lock.unlock();
        }
    }

    /** The room as it is really named, when this connection receives its deliveries (however the caller spelled it). */
    Optional<RoomName> joinedRoom(Connection connection, RoomName asked) {
        Channel channel = channels.get(asked.key());
        if (channel == null) {
            return Optional.empty();
        }
        channel.lock.lock();
        try {
            return channel.members.contains(connection) ? Optional.of(channel.room) : Optional.empty();
        } finally {
            channel.lock.unlock();
        }
    }

    /** The newest seq delivered here in the room, when this instance serves it to anybody. */
    Optional<Long> knownSeq(RoomName room) {
        Channel channel = channels.get(room.key());
        if (channel == null) {
            return Optional.empty();
        }
        channel.lock.lock();
        try {
            return channel.members.isEmpty() ? Optional.empty() : Optional.of(channel.deliveredSeq);
        } finally {
            channel.lock.unlock();
        }
    }

    /** The rooms this connection receives deliveries of. */
    List<RoomName> roomsOf(Connection connection) {
        List<RoomName> rooms = new ArrayList<>();
        for (Channel channel : channels.values()) {
            channel.lock.lock();
            try {
                if (channel.members.contains(connection)) {
                    rooms.add(channel.room);
                }
            } finally {
                channel.lock.unlock();
            }
        }
        return rooms;
    }

    @Override
    public void onPossibleLoss() {
        resync();
    }

    void watchRooms(Connection connection, boolean watch) {
        if (watch) {
            lobby.add(connection);
        } else {
            lobby.remove(connection);
        }
    }

    @Override
    public void onEvent(RoomEvent event) {
        tellLobby(event);
        Channel channel = channels.get(event.room().key());
        if (channel == null) {
            return;
        }
        switch (event) {
            case RoomEvent.MessageAppended appended -> deliverInOrder(channel, appended.message());
            case RoomEvent.MessageChanged changed -> deliverInOrder(channel, changed.message());
            case RoomEvent.ReadMarkerMoved moved -> {
                // for the reader's connections, wherever they are: see UserFeed
            }
            case RoomEvent.MembershipChanged changed -> {
                String verb = changed.joined() ? " joined the room" : " left the room";
                ServerEvent notice = new ServerEvent.SystemNotice(changed.room(), "system-" + UUID.randomUUID(),
                        changed.user() + verb, changed.at());
                ServerEvent members = membersOf(changed.room());
                channel.each(c -> {
                    sendSafely(c, notice);
                    sendSafely(c, members);
                });
            }
            case RoomEvent.RoomChanged changed -> {
                if (changed.deleted()) {
                    channel.lock.lock();
                    try {
                        endIncarnation(channel);
                    } finally {
                        channel.lock.unlock();
                    }
                }
                // otherwise the lobby has been told; a room's members learn nothing new from it
            }
            case RoomEvent.TypingChanged typing -> {
                ServerEvent notice = new ServerEvent.Typing(typing.room(), typing.user(), typing.typing());
                channel.each(c -> {
                    boolean self = c.identity().map(i -> i.key().equals(typing.identityKey())).orElse(false);
                    if (!self) {
                        sendSafely(c, notice);
                    }
                });
            }
        }
    }

    /** Room-list watchers hear of member counts and of rooms created, changed or deleted, on every instance. */
    private void tellLobby(RoomEvent event) {
        if (lobby.isEmpty()) {
            return;
        }
        ServerEvent news = switch (event) {
            case RoomEvent.MembershipChanged changed -> new ServerEvent.RoomActivity(changed.room(), presence.count(changed.room()));
            case RoomEvent.RoomChanged changed -> new ServerEvent.RoomListChanged(changed.room());
            case RoomEvent.MessageAppended appended -> null;
            case RoomEvent.MessageChanged changed -> null;
            case RoomEvent.ReadMarkerMoved moved -> null;
            case RoomEvent.TypingChanged typing -> null;
        };
        if (news != null) {
            for (Connection watcher : lobby) {
                sendSafely(watcher, news);
            }
        }
    }

    /** Delivers whatever the store has beyond what was delivered, in every room: after the bus may have lost events. */
    public void resync() {
        for (Channel channel : channels.values()) {
            channel.lock.lock();
            try {
                if (!channel.members.isEmpty()) {
                    catchUp(channel);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not resync room " + channel.room + "; will retry on its next message", e);
            } finally {
                channel.lock.unlock();
            }
        }
    }

    ServerEvent.RoomMembers membersOf(RoomName room) {
        List<Member> members = presence.members(room);
        return new ServerEvent.RoomMembers(room, members.stream().map(Member::name).toList(), members.size(),
                members.stream().filter(m -> Identity.isGuestKey(m.identityKey())).map(Member::name)
                        .collect(Collectors.toSet()));
    }

    private void deliverInOrder(Channel channel, ChatMessage message) {
        channel.lock.lock();
        try {
            if (channel.members.isEmpty() || message.rev() <= channel.deliveredRev) {
                return;
            }
            if (message.rev() == channel.deliveredRev + 1) {
                deliver(channel, message);
            } else {
                // the store has this change (it was published after its commit), and whatever came before it
                catchUp(channel);
            }
        } catch (RuntimeException e) {
            // The store did not answer: deliver nothing newer now; the next message or a resync fills the gap.
            LOG.log(Level.WARNING, "could not fill a gap in room " + channel.room + "; delivery waits", e);
        } finally {
            channel.lock.unlock();
        }
    }

    /**
     * Delivers every change the store has beyond deliveredRev, in rev order, each message in its current state; caller
     * holds the lock. A rev no message carries any more was overtaken by a later change of its message, which comes
     * with its own (higher) rev, so the revs delivered so far are all accounted for.
     */
    private void catchUp(Channel channel) {
        while (true) {
            List<ChatMessage> missed = messages.changedAfter(channel.room, channel.deliveredRev, GAP_BATCH);
            if (missed.isEmpty()) {
                return;
            }
            for (ChatMessage m : missed) {
                deliver(channel, m);
            }
        }
    }

    /** A message the room had not had yet is posted; one it had is updated. */
    private void deliver(Channel channel, ChatMessage message) {
        boolean added = message.seq() > channel.deliveredSeq;
        ServerEvent event = added ? new ServerEvent.MessagePosted(message) : new ServerEvent.MessageUpdated(message);
        int recipients = 0;
        for (Connection c : channel.members) {
            sendSafely(c, event);
            recipients++;
        }
        metrics.delivered(message, recipients, added);
        channel.deliveredRev = message.rev();
        if (added) {
            channel.deliveredSeq = message.seq();
            channel.recent.addLast(message);
            if (channel.recent.size() > RECENT) {
                channel.recent.removeFirst();
            }
        } else {
            channel.updateRecent(message);
        }
    }

    /**
     * The room this stream served is gone: its members are told and leave it (here and in presence), and nothing of
     * it stays cached. Caller holds the lock.
     */
    private void endIncarnation(Channel channel) {
        ServerEvent deleted = new ServerEvent.RoomDeleted(channel.room);
        for (Connection member : channel.members) {
            sendSafely(member, deleted);
            try {
                presence.exit(channel.room, member.id());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not take " + member + " out of the presence of deleted room " + channel.room, e);
            }
        }
        channel.members.clear();
        channel.recent.clear();
        channel.deliveredSeq = 0;
        channel.deliveredRev = 0;
        channel.epoch = null;
    }

    /** One member's broken sink must not cost the others their delivery. */
    private static void sendSafely(Connection connection, ServerEvent event) {
        try {
            connection.sink().send(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an event sink failed for " + connection, e);
        }
    }

    /**
     * The latest page up to what was delivered: from the messages this instance just delivered when they
     * reach back far enough (they are the store's, in seq order, gaps filled), else from the store.
     */
    private HistoryPage latest(Channel channel) {
        List<ChatMessage> recent = List.copyOf(channel.recent);
        boolean covers = !recent.isEmpty() && recent.getLast().seq() == channel.deliveredSeq
                && (recent.size() > RoomService.DEFAULT_PAGE || recent.getFirst().seq() == 1);
        List<ChatMessage> found = covers
                ? recent.subList(Math.max(0, recent.size() - RoomService.DEFAULT_PAGE - 1), recent.size())
                : messages.before(channel.room, channel.deliveredSeq + 1, RoomService.DEFAULT_PAGE + 1);
        return RoomService.trimmed(found, RoomService.DEFAULT_PAGE, true);
    }

    /**
     * The messages added or changed after {@code sinceRev}, in current state, ordered by seq: the RESUME_LIMIT with the
     * lowest revs. New messages beyond what live delivery starts from are left to it.
     */
    private HistoryPage changedSince(RoomName room, long sinceRev, long upToSeq) {
        List<ChatMessage> changed = messages.changedAfter(room, sinceRev, RESUME_LIMIT + 1);
        boolean more = changed.size() > RESUME_LIMIT;
        List<ChatMessage> page = new ArrayList<>((more ? changed.subList(0, RESUME_LIMIT) : changed).stream()
                .filter(m -> m.seq() <= upToSeq).toList());
        page.sort(Comparator.comparingLong(ChatMessage::seq));
        return new HistoryPage(page, more);
    }

    private HistoryPage resume(RoomName room, long sinceSeq, long upTo) {
        if (sinceSeq >= upTo) {
            return new HistoryPage(List.of(), false);
        }
        List<ChatMessage> found = messages.after(room, sinceSeq, RESUME_LIMIT + 1).stream()
                .filter(m -> m.seq() <= upTo).toList();
        return RoomService.trimmed(found, RESUME_LIMIT, false);
    }

    /** One room's local members and how far they have been served. Guarded by {@code lock}. */
    private static final class Channel {
        final RoomName room;
        final ReentrantLock lock = new ReentrantLock();
        /** Copy-on-write: a sink may close its connection while a broadcast iterates, which must not break the loop. */
        final Set<Connection> members = new CopyOnWriteArraySet<>();
        long deliveredSeq;
        /** The room's rev up to which every change has been delivered. */
        long deliveredRev;
        /** The creation time of the room incarnation this stream serves; null before the first join. */
        Instant epoch;
        /** The last messages delivered, oldest first: the join page without a query. */
        final List<ChatMessage> recent = new ArrayList<>();

        Channel(RoomName room) {
            this.room = room;
        }

        /** A message the recent page holds changed: so do the quotes of it in the replies the page holds. */
        void updateRecent(ChatMessage changed) {
            ReplyQuote quote = ReplyQuote.of(changed);
            recent.replaceAll(m -> m.seq() == changed.seq() ? changed
                    : m.replyTo() != null && m.replyTo().seq() == changed.seq() ? m.quoting(quote) : m);
        }

        void each(Consumer<Connection> action) {
            lock.lock();
            try {
                members.forEach(action);
            } finally {
                lock.unlock();
            }
        }
    }
}
