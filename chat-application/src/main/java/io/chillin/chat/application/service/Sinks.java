package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.ServerEvent;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/** Hands events to connections so that one member's broken sink never costs the others their delivery. */
final class Sinks {

    private static final Logger LOG = System.getLogger(Sinks.class.getName());

    private Sinks() {
    }

    static void sendSafely(Connection connection, ServerEvent event) {
        try {
            connection.sink().send(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an event sink failed for " + connection, e);
        }
    }

    static void sendSafely(Connection connection, List<ServerEvent> together) {
        try {
            connection.sink().sendTogether(together);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an event sink failed for " + connection, e);
        }
    }
}
