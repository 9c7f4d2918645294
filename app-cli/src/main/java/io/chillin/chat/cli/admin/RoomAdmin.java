package io.chillin.chat.cli.admin;

import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.LookAlikes;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Rooms, straight on the stores, with the rules and hashing the server applies when a room is created. */
public final class RoomAdmin {

    /** Rooms read from the store at a time while listing them all. */
    static final int PAGE = 500;

    private final ChatPorts ports;
    private final ChatSettings settings;
    private final Clock clock;
    private final int pageSize;

    public RoomAdmin(ChatPorts ports, ChatSettings settings, Clock clock) {
        this(ports, settings, clock, PAGE);
    }

    RoomAdmin(ChatPorts ports, ChatSettings settings, Clock clock, int pageSize) {
        this.ports = ports;
        this.settings = settings;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** Every room, oldest first, read from the store a page at a time. */
    public List<RoomRow> list() {
        List<Room> all = new ArrayList<>();
        List<Room> page;
        String after = "";
        do {
            page = ports.rooms().page(after, pageSize);
            all.addAll(page);
            if (!page.isEmpty()) {
                after = page.getLast().name().key();
            }
        } while (page.size() == pageSize);
        all.sort(Comparator.comparing(Room::createdAt).thenComparing(room -> room.name().key()));
        return all.stream().map(this::row).toList();
    }

    /** The room and its newest {@code latest} messages, oldest first. @throws ChatException.NotFound */
    public RoomDetails show(String name, int latest) {
        if (latest < 0 || latest > 1000) {
            throw new ChatException.Invalid("messages", "messages must be 0 to 1000");
        }
        Room room = existing(RoomName.of(name));
        List<MessageRow> messages = ports.messages().latest(room.name(), latest).stream().map(MessageRow::of).toList();
        return new RoomDetails(row(room), messages);
    }

    /**
     * Creates a room; a null or empty password makes it public.
     *
     * @throws ChatException.Invalid for a name, description, password or creator the server would refuse
     * @throws ChatException.Conflict when the name (ignoring case) or a look-alike is taken
     */
    public RoomRow create(String name, String description, String password, String creator) {
        RoomName roomName = RoomName.of(name);
        LookAlikes.refuse(roomName.value(), "room");
        RoomDescription desc = RoomDescription.of(description);
        Username by = Username.of(creator, "creator");
        String hash = password == null || password.isEmpty() ? null
                : ports.hasher().hash(settings.passwordPolicy().check(password, "password"));
        ports.rooms().findLookAlike(roomName).ifPresent(holder -> {
            throw roomName.takenBy(holder.name());
        });
        Room room = new Room(roomName, desc, by, hash, now());
        ports.rooms().create(room);
        return RoomRow.of(room, 0);
    }

    /** Deletes the room and its whole history; returns how many messages it had. @throws ChatException.NotFound */
    public long delete(String name) {
        Room room = existing(RoomName.of(name));
        long messages = ports.messages().lastSeq(room.name());
        ports.rooms().delete(room.name());
        return messages;
    }

    /** Makes the room private with this password, or public when {@code password} is null. @throws NotFound, Invalid */
    public RoomRow setPassword(String name, String password) {
        Room room = existing(RoomName.of(name));
        String hash = password == null ? null : ports.hasher().hash(settings.passwordPolicy().check(password, "password"));
        ports.rooms().updatePasswordHash(room.name(), hash);
        return row(room.withPasswordHash(hash));
    }

    private RoomRow row(Room room) {
        return RoomRow.of(room, ports.messages().lastSeq(room.name()));
    }

    private Room existing(RoomName name) {
        return ports.rooms().find(name).orElseThrow(() -> new ChatException.NotFound("no room named '" + name + "'"));
    }

    /** A room with some of its latest messages. */
    public record RoomDetails(RoomRow room, List<MessageRow> latestMessages) {
    }

    /** Stores keep milliseconds; what the command prints is what was stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
