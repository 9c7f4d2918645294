package io.chillin.chat.server.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends {@code java.util.logging} into the same log: the core's {@code System.Logger} warnings and the PostgreSQL
 * driver write there, and would otherwise print JUL's own two-line format beside the JSON lines. Logback's
 * {@code LevelChangePropagator} (in {@code logback.xml}) keeps JUL's levels equal to Logback's, so what is off
 * costs nothing.
 */
public final class JavaLogging {

    private JavaLogging() {
    }

    /** Call once, first thing in {@code main}. */
    public static void intoSlf4j() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }
}
