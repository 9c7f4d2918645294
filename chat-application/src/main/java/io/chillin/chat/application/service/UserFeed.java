package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * What a user hears of wherever its connections are, on every instance: its read markers moving, and the new
 * messages that mention it in rooms a connection of its is not in (a connection in the room gets the message itself).
 */
public final class UserFeed implements RoomBus.Subscriber {

    private static final Logger LOG = System.getLogger(UserFeed.class.getName());

    private final LiveSessions connections;
    private final RoomFanout fanout;

    public UserFeed(LiveSessions connections, RoomFanout fanout) {
        this.connections = connections;
        this.fanout = fanout;
    }

    @Override
    public void onEvent(RoomEvent event) {
        switch (event) {
            case RoomEvent.ReadMarkerMoved moved -> {
                ServerEvent marker = new ServerEvent.ReadMarker(moved.room(), moved.seq());
                connections.connectionsOf(moved.identityKey()).forEach(c -> sendSafely(c, marker));
            }
            case RoomEvent.MessageAppended appended when !appended.message().mentions().isEmpty() -> mention(appended.message());
            default -> {
            }
        }
    }

    private void mention(ChatMessage message) {
        ServerEvent mention = new ServerEvent.Mention(message);
        for (Username user : message.mentions()) {
            for (Connection c : connections.connectionsOf(Identity.registered(user).key())) {
                if (fanout.joinedRoom(c, message.room()).isEmpty()) {
                    sendSafely(c, mention);
                }
            }
        }
    }

    /** Mentions and markers are live news: what the bus lost is read from the room list and the rooms on demand. */
    @Override
    public void onPossibleLoss() {
    }

    private static void sendSafely(Connection connection, ServerEvent event) {
        try {
            connection.sink().send(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an event sink failed for " + connection, e);
        }
    }
}
