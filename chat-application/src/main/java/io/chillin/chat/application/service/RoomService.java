package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.CheckRoomAccessUseCase;
import io.chillin.chat.application.port.in.CreateRoomCommand;
import io.chillin.chat.application.port.in.CreateRoomUseCase;
import io.chillin.chat.application.port.in.HistoryPage;
import io.chillin.chat.application.port.in.HistoryQuery;
import io.chillin.chat.application.port.in.ListRoomsUseCase;
import io.chillin.chat.application.port.in.ReadHistoryUseCase;
import io.chillin.chat.application.port.in.RoomListPage;
import io.chillin.chat.application.port.in.RoomListQuery;
import io.chillin.chat.application.port.in.RoomView;
import io.chillin.chat.application.port.in.ShowRoomUseCase;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.PasswordHasher;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.PasswordPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Rooms outside a live connection: create, list, show, check access, read history. */
public final class RoomService implements CreateRoomUseCase, ListRoomsUseCase, ShowRoomUseCase, CheckRoomAccessUseCase,
        ReadHistoryUseCase {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 100;
    /** Rooms per page of the room list, by default and at most (presence counts a page in one round trip). */
    public static final int DEFAULT_ROOMS = 100;
    public static final int MAX_ROOMS = 500;

    private final RoomStore rooms;
    private final MessageStore messages;
    private final Presence presence;
    private final PasswordHasher hasher;
    private final RoomGate gate;
    private final PasswordPolicy policy;
    private final UsageGuard usage;
    private final Clock clock;
    private final RoomRules roomRules;

    public RoomService(RoomStore rooms, MessageStore messages, Presence presence, PasswordHasher hasher, RoomGate gate,
                       PasswordPolicy policy, UsageGuard usage, Clock clock) {
        this.usage = usage;
        this.rooms = rooms;
        this.messages = messages;
        this.presence = presence;
        this.hasher = hasher;
        this.gate = gate;
        this.policy = policy;
        this.clock = clock;
        this.roomRules = new RoomRules(rooms, hasher, policy, clock);
    }

    @Override
    public RoomView createRoom(CreateRoomCommand command) {
        Identity creator = Objects.requireNonNull(command.creator(), "creator");
        Room room = roomRules.newRoom(command.name(), "name", command.description(), command.password(), creator.name());
        UsageGuard.RoomPermit permit = usage.roomCreation(creator, command.clientAddress());
        try {
            rooms.create(room);
        } catch (RuntimeException notCreated) {
            permit.giveBack();
            throw notCreated;
        }
        return RoomView.of(room, 0);
    }

    @Override
    public RoomListPage listRooms(RoomListQuery query) {
        int limit = query.limit() == null ? DEFAULT_ROOMS : query.limit();
        if (limit < 1 || limit > MAX_ROOMS) {
            throw new ChatException.Invalid("limit", "limit must be between 1 and " + MAX_ROOMS);
        }
        String after = query.cursor() == null || query.cursor().isEmpty() ? "" : RoomCursor.decode(query.cursor());
        // one more than asked for tells whether another page follows, so the last page never comes back empty
        List<Room> found = rooms.page(after, limit + 1);
        List<Room> page = found.size() > limit ? found.subList(0, limit) : found;
        Map<RoomName, Integer> counts = presence.counts(page.stream().map(Room::name).toList());
        List<RoomView> views = page.stream().map(room -> RoomView.of(room, counts.getOrDefault(room.name(), 0))).toList();
        if (query.viewer() != null && !views.isEmpty()) {
            Identity viewer = query.viewer();
            Map<String, MessageStore.Unread> reading = messages.unread(page.stream().map(Room::name).toList(), viewer.key(),
                    viewer.name());
            views = views.stream().map(view -> {
                MessageStore.Unread r = reading.getOrDefault(view.name().key(), new MessageStore.Unread(0, 0, 0));
                return view.withReading(new RoomView.Reading(r.lastReadSeq(), r.unread(), r.unreadMentions()));
            }).toList();
        }
        return new RoomListPage(views, found.size() > limit ? RoomCursor.encode(page.getLast().name().key()) : null);
    }

    @Override
    public RoomView showRoom(String name) {
        Room room = existing(RoomName.of(name, "name"));
        return RoomView.of(room, presence.count(room.name()));
    }

    @Override
    public RoomView checkAccess(Identity who, String roomName, String password, String clientAddress) {
        Room room = existing(RoomName.of(roomName, "roomName"));
        gate.admit(room, password, clientAddress);
        return RoomView.of(room, presence.count(room.name()));
    }

    @Override
    public HistoryPage readHistory(HistoryQuery query) {
        RoomName name = RoomName.of(query.room());
        int limit = query.limit() == null ? DEFAULT_PAGE : query.limit();
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ChatException.Invalid("limit", "limit must be between 1 and " + MAX_PAGE);
        }
        if (query.before() != null && query.before() < 1) {
            throw new ChatException.Invalid("before", "before must be a positive seq");
        }
        if (query.after() != null && query.after() < 0) {
            throw new ChatException.Invalid("after", "after must be zero or a positive seq");
        }
        if (query.before() != null && query.after() != null) {
            throw new ChatException.Invalid("after", "give either before or after, not both");
        }
        Room room = existing(name);
        if (room.isPrivate() && !isPresentMember(room.name(), query.reader())) {
            throw new ChatException.Forbidden("room '" + room.name() + "' is private: join it to read its history");
        }
        // read first: a change the page misses then has a higher rev, so a client resuming from it misses nothing
        long rev = messages.position(room.name()).rev();
        return page(room.name(), limit, query.before(), query.after()).withRev(rev);
    }

    private HistoryPage page(RoomName room, int limit, Long before, Long after) {
        if (after != null) {
            List<ChatMessage> found = messages.after(room, after, limit + 1);
            return trimmed(found, limit, false);
        }
        List<ChatMessage> found = before == null
                ? messages.latest(room, limit + 1)
                : messages.before(room, before, limit + 1);
        return trimmed(found, limit, true);
    }

    /** Cuts a list fetched with one extra element to the limit; the extra one proves there is more. */
    static HistoryPage trimmed(List<ChatMessage> found, int limit, boolean extraIsOldest) {
        if (found.size() <= limit) {
            return new HistoryPage(found, false);
        }
        List<ChatMessage> page = extraIsOldest ? found.subList(found.size() - limit, found.size()) : found.subList(0, limit);
        return new HistoryPage(page, true);
    }

    private boolean isPresentMember(RoomName room, Identity reader) {
        return reader != null && presence.members(room).stream().anyMatch(m -> m.identityKey().equals(reader.key()));
    }

    private Room existing(RoomName name) {
        return rooms.find(name).orElseThrow(() -> new ChatException.NotFound("no room named '" + name + "'"));
    }
}
