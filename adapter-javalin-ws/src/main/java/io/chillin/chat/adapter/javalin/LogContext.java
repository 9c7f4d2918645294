package io.chillin.chat.adapter.javalin;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * What ties a log line to what caused it: the id of the REST request or of the WebSocket connection it happened
 * for, kept in the MDC of the thread doing that work, so every line logged there (the core's too) carries it.
 */
final class LogContext {

    /** MDC key of the request being answered; its value is also the response's {@value RequestLog#REQUEST_ID_HEADER}. */
    static final String REQUEST_ID = "requestId";
    /** MDC key of the WebSocket connection being served: the core's {@code Connection.id()}. */
    static final String CONNECTION_ID = "connectionId";

    private LogContext() {
    }

    /** A fresh request id: 64 random bits in hex. Never taken from the client, which could forge or reuse one. */
    static String newRequestId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /** Runs {@code work} with the connection's id in the MDC. */
    static void asConnection(String connectionId, Runnable work) {
        with(CONNECTION_ID, connectionId, work);
    }

    /** Runs {@code work} with {@code key} set in the MDC, restoring what was there before. */
    static void with(String key, String value, Runnable work) {
        String before = MDC.get(key);
        MDC.put(key, value);
        try {
            work.run();
        } finally {
            if (before == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, before);
            }
        }
    }
}
