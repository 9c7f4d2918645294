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
import io.chillin.chat.application.port.in.ReadHistoryUseCase;
import io.chillin.chat.application.port.in.RegisterUseCase;
import io.chillin.chat.application.port.in.SendMessageUseCase;
import io.chillin.chat.application.port.in.TypingUseCase;
import io.chillin.chat.application.port.in.WatchRoomsUseCase;
import io.chillin.chat.application.service.AccountService;
import io.chillin.chat.application.service.AvatarService;
import io.chillin.chat.application.service.MembershipService;
import io.chillin.chat.application.service.RoomFanout;
import io.chillin.chat.application.service.RoomService;
import io.chillin.chat.application.service.SendMessageService;
import java.time.Clock;

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
    private final RoomFanout fanout;

    private ChatCore(ChatPorts ports, ChatSettings settings, Clock clock) {
        this.avatars = new AvatarService(ports.blobs());
        this.accounts = new AccountService(ports.users(), ports.sessions(), ports.hasher(), ports.authRate(),
                settings.passwordPolicy(), settings.sessionTtl(), clock, avatars);
        this.rooms = new RoomService(ports.rooms(), ports.messages(), ports.presence(), ports.hasher(),
                settings.passwordPolicy(), clock);
        this.fanout = new RoomFanout(ports.messages(), ports.presence());
        this.membership = new MembershipService(ports.rooms(), ports.users(), ports.presence(), ports.bus(), fanout,
                ports.hasher(), settings.typingInterval(), clock);
        this.sender = new SendMessageService(fanout, ports.messageRate(), ports.messages(), ports.bus(), clock);
        ports.bus().subscribe(fanout);
    }

    public static ChatCore create(ChatPorts ports, ChatSettings settings, Clock clock) {
        return new ChatCore(ports, settings, clock);
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

    public LogOutUseCase logOut() {
        return accounts;
    }

    public AuthenticateUseCase authenticate() {
        return accounts;
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

    /** Re-delivers from the store whatever the bus may have lost. */
    public void resyncDelivery() {
        fanout.resync();
    }

    /** Forgets members of server instances that died, telling their rooms; a cluster calls this every few seconds. */
    public void sweepPresence() {
        membership.sweepPresence();
    }
}
