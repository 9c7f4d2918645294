package io.chillin.chat.application;

import io.chillin.chat.application.port.in.AuthenticateUseCase;
import io.chillin.chat.application.port.in.CheckRoomAccessUseCase;
import io.chillin.chat.application.port.in.CreateRoomUseCase;
import io.chillin.chat.application.port.in.EnterAsGuestUseCase;
import io.chillin.chat.application.port.in.GetAvatarUseCase;
import io.chillin.chat.application.port.in.JoinRoomUseCase;
import io.chillin.chat.application.port.in.LeaveRoomUseCase;
import io.chillin.chat.application.port.in.ListRoomsUseCase;
import io.chillin.chat.application.port.in.LogInUseCase;
import io.chillin.chat.application.port.in.LogOutUseCase;
import io.chillin.chat.application.port.in.MessageLifecycleUseCase;
import io.chillin.chat.application.port.in.OpenConnectionUseCase;
import io.chillin.chat.application.port.in.ReadHistoryUseCase;
import io.chillin.chat.application.port.in.RegisterUseCase;
import io.chillin.chat.application.port.in.SendMessageUseCase;
import io.chillin.chat.application.port.in.ShowRoomUseCase;
import io.chillin.chat.application.port.in.TypingUseCase;
import io.chillin.chat.application.port.in.WatchRoomsUseCase;
import io.chillin.chat.application.port.out.ChatMetrics;
import io.chillin.chat.application.service.AccountService;
import io.chillin.chat.application.service.AdminService;
import io.chillin.chat.application.service.AvatarService;
import io.chillin.chat.application.service.GuessThrottle;
import io.chillin.chat.application.service.LiveSessions;
import io.chillin.chat.application.service.MembershipService;
import io.chillin.chat.application.service.MessageLifecycleService;
import io.chillin.chat.application.service.RoomFanout;
import io.chillin.chat.application.service.RoomGate;
import io.chillin.chat.application.service.RoomExpiry;
import io.chillin.chat.application.service.RoomService;
import io.chillin.chat.application.service.SendMessageService;
import io.chillin.chat.application.service.UsageGuard;
import io.chillin.chat.application.service.UserFeed;
import io.chillin.chat.domain.room.RoomName;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The application core wired from its ports: one instance per server process. Hand wiring, no
 * container; the edges take the use cases they need from here.
 */
public final class ChatCore {

    private final AccountService accounts;
    private final AvatarService avatars;
    private final RoomService rooms;
    private final MembershipService membership;
    private final SendMessageService sender;
    private final MessageLifecycleService lifecycle;
    private final RoomFanout fanout;
    private final LiveSessions liveSessions;
    private final RoomExpiry expiry;
    private final AdminService admin;

    private ChatCore(ChatPorts ports, ChatSettings settings, Clock clock, ChatMetrics metrics) {
        this.avatars = new AvatarService(ports.blobs());
        UsageGuard usage = new UsageGuard(settings.usageLimits(), ports.limiters());
        this.accounts = new AccountService(ports.users(), ports.sessions(), ports.hasher(), ports.authRate(),
                GuessThrottle.logins(ports.limiters(), settings.guessLimits(), usage::exempt),
                settings.passwordPolicy(), settings.sessionTtl(), settings.guestLifetime(), clock, avatars, usage);
        this.liveSessions = new LiveSessions(accounts, ports.sessions(), usage, clock);
        // One gate for REST checks and WebSocket joins, so that their wrong guesses count together.
        RoomGate gate = new RoomGate(ports.rooms(), ports.hasher(),
                GuessThrottle.roomPasswords(ports.limiters(), settings.guessLimits(), usage::exempt));
        this.rooms = new RoomService(ports.rooms(), ports.messages(), ports.presence(), ports.hasher(), gate,
                settings.passwordPolicy(), usage, clock);
        this.fanout = new RoomFanout(ports.messages(), ports.presence(), metrics, settings.reorderWindow());
        this.membership = new MembershipService(ports.rooms(), ports.users(), ports.presence(), ports.bus(), fanout,
                gate, settings.typingInterval(), usage, clock, metrics);
        this.sender = new SendMessageService(fanout, ports.messageRate(), ports.messages(), ports.bus(), usage,
                ports.users(), clock, metrics);
        this.lifecycle = MessageLifecycleService.create(fanout, ports.messages(), ports.rooms(), ports.users(), ports.bus(),
                ports.messageRate(), usage, liveSessions, clock, metrics);
        this.admin = AdminService.create(ports.admin(), settings, clock);
        this.expiry = new RoomExpiry(ports.rooms(), ports.presence(), clock);
        // The bus's subscribers, in the order each event reaches them: the rooms' members first (delivery), then
        // each user's other sockets (mentions, read markers), then housekeeping (a room used again does not expire).
        ports.bus().subscribe(fanout);
        ports.bus().subscribe(new UserFeed(liveSessions, fanout));
        ports.bus().subscribe(expiry);
    }

    public static ChatCore create(ChatPorts ports, ChatSettings settings, Clock clock) {
        return create(ports, settings, clock, ChatMetrics.NONE);
    }

    /** A core that tells {@code metrics} of its work. */
    public static ChatCore create(ChatPorts ports, ChatSettings settings, Clock clock, ChatMetrics metrics) {
        return new ChatCore(ports, settings, clock, metrics);
    }

    public RegisterUseCase register() {
        return accounts;
    }

    public LogInUseCase logIn() {
        return accounts;
    }

    public EnterAsGuestUseCase enterAsGuest() {
        return accounts;
    }

    /** Logs out and ends this instance's connections of the session at once (other instances within a check). */
    public LogOutUseCase logOut() {
        return token -> {
            accounts.logOut(token);
            liveSessions.checkSessions();
        };
    }

    public AuthenticateUseCase authenticate() {
        return accounts;
    }

    public OpenConnectionUseCase connections() {
        return liveSessions;
    }

    public GetAvatarUseCase avatar() {
        return avatars;
    }

    public CreateRoomUseCase createRoom() {
        return rooms;
    }

    public ListRoomsUseCase listRooms() {
        return rooms;
    }

    public CheckRoomAccessUseCase checkRoomAccess() {
        return rooms;
    }

    public ShowRoomUseCase showRoom() {
        return rooms;
    }

    public ReadHistoryUseCase readHistory() {
        return rooms;
    }

    public JoinRoomUseCase joinRoom() {
        return membership;
    }

    public LeaveRoomUseCase leaveRoom() {
        return membership;
    }

    public TypingUseCase typing() {
        return membership;
    }

    public WatchRoomsUseCase watchRooms() {
        return membership;
    }

    public SendMessageUseCase sendMessage() {
        return sender;
    }

    /** Accounts and rooms as an operator manages them; check {@link AdminService#requireAdmin} at an edge. */
    public AdminService admin() {
        return admin;
    }

    /** Edit, delete, react, mark read. */
    public MessageLifecycleUseCase messageLifecycle() {
        return lifecycle;
    }

    /** Re-delivers from the store whatever the bus may have lost. */
    public void resyncDelivery() {
        fanout.resync();
    }

    /**
     * Ends the connections whose sessions ended (logged out anywhere, expired, account deleted or password
     * changed): every server calls this a few times a second.
     */
    public void checkSessions() {
        liveSessions.checkSessions();
    }

    /** Forgets members of server instances that died, telling their rooms; a cluster calls this every few seconds. */
    public void sweepPresence() {
        membership.sweepPresence();
    }

    /**
     * Deletes the rooms quick-joins made that have no history, are public and have had nobody in them for at least
     * {@code idle}; says which. Every server calls this every minute or so; instances sweeping at once are safe.
     */
    public List<RoomName> expireIdleRooms(Duration idle) {
        return expiry.expire(idle);
    }
}
