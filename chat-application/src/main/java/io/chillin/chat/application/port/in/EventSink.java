package io.chillin.chat.application.port.in;

/**
 * Where the core pushes a connection's events: supplied by the edge (a WebSocket, a test, an
 * embedding program). It must not block: queue the event and return. An edge that cannot keep up
 * with a client closes that client, never slows the room.
 */
@FunctionalInterface
public interface EventSink {

    void send(ServerEvent event);

    /**
     * The connection's session has ended (logged out, expired, its account deleted or its password changed):
     * the core refuses whatever the connection asks from now on, and the edge should close it. Must not block
     * either. By default nothing more happens.
     */
    default void sessionEnded(String reason) {
    }
}
