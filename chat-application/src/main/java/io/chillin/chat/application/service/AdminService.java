package io.chillin.chat.application.service;

import io.chillin.chat.application.AdminPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.port.in.AdministerRoomsUseCase;
import io.chillin.chat.application.port.in.AdministerUsersUseCase;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Administration through the same rules the users' own use cases apply ({@link AccountRules}, {@link RoomRules}), on
 * the stores alone: used by the CLI, the admin REST API and programs embedding the core.
 */
public final class AdminService implements AdministerUsersUseCase, AdministerRoomsUseCase {

    /** Rooms read from the store at a time while listing them all. */
    static final int PAGE = 500;
    private static final int MAX_LATEST = 1000;

    private final AdminPorts ports;
    private final AccountRules accounts;
    private final RoomRules rooms;
    private final int pageSize;

    AdminService(AdminPorts ports, ChatSettings settings, Clock clock, int pageSize) {
        this.ports = ports;
        this.accounts = new AccountRules(ports.users(), ports.hasher(), settings.passwordPolicy(),
                new AvatarService(ports.blobs()), clock);
        this.rooms = new RoomRules(ports.rooms(), ports.hasher(), settings.passwordPolicy(), clock);
        this.pageSize = pageSize;
    }

    public static AdminService create(AdminPorts ports, ChatSettings settings, Clock clock) {
        return new AdminService(ports, settings, clock, PAGE);
    }

    // ---- users ----------------------------------------------------------------------------------

    @Override
    public List<User> listUsers() {
        return ports.users().list();
    }

    @Override
    public User showUser(String username) {
        return existingUser(username);
    }

    @Override
    public User createUser(String username, String password, String email) {
        User user = accounts.create(accounts.check(username, password, email));
        accounts.storeAvatar(user.username());
        return user;
    }

    @Override
    public void deleteUser(String username) {
        User user = existingUser(username);
        ports.users().delete(user.username());
        endSessionsOf(user);
    }

    @Override
    public void resetPassword(String username, String password) {
        User user = existingUser(username);
        AccountRules.Candidate checked = accounts.check(user.username().value(), password, user.email());
        ports.users().updatePasswordHash(user.username(), ports.hasher().hash(checked.password()));
        endSessionsOf(user);
    }

    @Override
    public void endSessions(String username) {
        endSessionsOf(existingUser(username));
    }

    @Override
    public void setAdmin(String username, boolean admin) {
        ports.users().setAdmin(existingUser(username).username(), admin);
    }

    @Override
    public boolean isAdmin(String username) {
        return ports.users().isAdmin(existingUser(username).username());
    }

    /** @throws ChatException.Unauthorized without an identity, Forbidden unless it is an account with the admin role */
    public void requireAdmin(Identity who) {
        if (who == null) {
            throw new ChatException.Unauthorized("log in as an admin");
        }
        if (who.guest() || !ports.users().isAdmin(who.name())) {
            throw new ChatException.Forbidden("this needs the admin role (granted with: chillin users grant-admin NAME)");
        }
    }

    private void endSessionsOf(User user) {
        ports.sessions().deleteAllOf(Identity.registered(user.username()).key());
    }

    private User existingUser(String username) {
        Username name = Username.of(username);
        return ports.users().find(name).orElseThrow(() -> new ChatException.NotFound("no user named '" + name + "'"));
    }

    // ---- rooms ----------------------------------------------------------------------------------

    @Override
    public List<AdminRoom> listRooms() {
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
        return all.stream().map(this::adminRoom).toList();
    }

    @Override
    public AdminRoomDetails showRoom(String name, int latest) {
        if (latest < 0 || latest > MAX_LATEST) {
            throw new ChatException.Invalid("messages", "messages must be 0 to " + MAX_LATEST);
        }
        Room room = existingRoom(name);
        return new AdminRoomDetails(adminRoom(room), ports.messages().latest(room.name(), latest));
    }

    @Override
    public AdminRoom createRoom(String name, String description, String password, String creator) {
        Room room = rooms.newRoom(name, "room", description, password, Username.of(creator, "creator"));
        ports.rooms().create(room);
        return new AdminRoom(room, 0);
    }

    @Override
    public long deleteRoom(String name) {
        Room room = existingRoom(name);
        long messages = ports.messages().lastSeq(room.name());
        ports.rooms().delete(room.name());
        return messages;
    }

    @Override
    public AdminRoom setRoomPassword(String name, String password) {
        Room room = existingRoom(name);
        String hash = password == null ? null : rooms.passwordHash(password);
        ports.rooms().updatePasswordHash(room.name(), hash);
        return adminRoom(room.withPasswordHash(hash));
    }

    private AdminRoom adminRoom(Room room) {
        return new AdminRoom(room, ports.messages().lastSeq(room.name()));
    }

    private Room existingRoom(String name) {
        RoomName roomName = RoomName.of(name);
        return ports.rooms().find(roomName)
                .orElseThrow(() -> new ChatException.NotFound("no room named '" + roomName + "'"));
    }
}
