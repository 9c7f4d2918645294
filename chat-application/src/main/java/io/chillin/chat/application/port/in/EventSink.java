package io.chillin.chat.application.port.in;

import java.util.List;

/**
 * Where the core pushes a connection's events: supplied by the edge (a WebSocket, a test, an
 * embedding program). It must not block: queue the event and return. An edge that cannot keep up
 * with a client closes that client, never slows the room.
 */
@FunctionalInterface
public interface EventSink {

    void send(ServerEvent event);

    /**
     * Events that belong together (a join notice and the new member list), in order: an edge may write them at
     * once. By default each is sent on its own.
     */
    default void sendTogether(List<ServerEvent> events) {
        events.forEach(this::send);
    }

    /**
     * The connection's session has ended (logged out, expired, its account deleted or its password changed):
     * the core refuses whatever the connection asks from now on, and the edge should close it. Must not block
     * either. By default nothing more happens.
     */
    default void sessionEnded(String reason) {
    }
}
