package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.application.port.out.RoomEvent;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** The connections watching the room list, whatever rooms they are in: they hear of member counts and room changes. */
final class Lobby {

    private final Presence presence;
    private final Set<Connection> watchers = new CopyOnWriteArraySet<>();

    Lobby(Presence presence) {
        this.presence = presence;
    }

    void watch(Connection connection, boolean watch) {
        if (watch) {
            watchers.add(connection);
        } else {
            watchers.remove(connection);
        }
    }

    /** Tells the watchers what the room list shows of {@code event}, from any instance; most events show nothing. */
    void tell(RoomEvent event) {
        if (watchers.isEmpty()) {
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
            for (Connection watcher : watchers) {
                Sinks.sendSafely(watcher, news);
            }
        }
    }
}
