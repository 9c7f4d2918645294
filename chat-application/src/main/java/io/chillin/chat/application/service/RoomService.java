package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.CheckRoomAccessUseCase;
import io.chillin.chat.application.port.in.CreateRoomCommand;
import io.chillin.chat.application.port.in.CreateRoomUseCase;
import io.chillin.chat.application.port.in.HistoryPage;
import io.chillin.chat.application.port.in.HistoryQuery;
import io.chillin.chat.application.port.in.ListRoomsUseCase;
import io.chillin.chat.application.port.in.ReadHistoryUseCase;
import io.chillin.chat.application.port.in.RoomView;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.PasswordHasher;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.application.port.out.RoomStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.LookAlikes;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.PasswordPolicy;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Rooms outside a live connection: create, list, check access, read history. */
public final class RoomService implements CreateRoomUseCase, ListRoomsUseCase, CheckRoomAccessUseCase, ReadHistoryUseCase {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 100;

    private final RoomStore rooms;
    private final MessageStore messages;
    private final Presence presence;
    private final PasswordHasher hasher;
    private final RoomGate gate;
    private final PasswordPolicy policy;
    private final Clock clock;

    public RoomService(RoomStore rooms, MessageStore messages, Presence presence, PasswordHasher hasher, RoomGate gate,
                       PasswordPolicy policy, Clock clock) {
        this.rooms = rooms;
        this.messages = messages;
        this.presence = presence;
        this.hasher = hasher;
        this.gate = gate;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public RoomView createRoom(CreateRoomCommand command) {
        Identity creator = Objects.requireNonNull(command.creator(), "creator");
        RoomName name = RoomName.of(command.name(), "name");
        LookAlikes.refuse(name.value(), "name");
        RoomDescription description = RoomDescription.of(command.description());
        String password = command.password();
        String passwordHash = password == null || password.isEmpty() ? null : hasher.hash(policy.check(password, "password"));
        if (rooms.find(name).isPresent()) {
            throw new ChatException.Conflict("room '" + name + "' already exists");
        }
        Room room = new Room(name, description, creator.name(), passwordHash, clock.instant());
        rooms.create(room);
        return RoomView.of(room, 0);
    }

    @Override
    public List<RoomView> listRooms() {
        return rooms.list().stream().map(room -> RoomView.of(room, presence.count(room.name()))).toList();
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
        return page(room.name(), limit, query.before(), query.after());
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
