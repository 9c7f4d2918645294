package io.chillin.chat.adapter.javalin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every request's id and its one access line on the {@value #LOGGER} logger. The id is made here (a client's own
 * X-Request-Id is ignored: it could forge or reuse one), kept in the MDC while the request is handled so every line
 * it causes carries it, and sent back as {@value #REQUEST_ID_HEADER}. The line names the method, the path without
 * its query string (v1 clients send {@code ?token=} on the WebSocket URL), the status, the time taken and the
 * client's address; never a header, a query or a body.
 */
final class RequestLog {

    static final String LOGGER = "chillin.access";
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final String STARTED = "chat.request";
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int MAX_PATH_LENGTH = 200;
    private static final int SWITCHING_PROTOCOLS = 101;
    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER);

    private final TrustedProxies proxies;

    RequestLog(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /** What {@link #begin} noted of a request, for its line. */
    record Started(String id, long nanos, String method, String path) {
        float millis() {
            return (System.nanoTime() - nanos) / (float) TimeUnit.MILLISECONDS.toNanos(1);
        }
    }

    /** Installs the id and the line for REST requests and WebSocket upgrades; register before any other handler. */
    void install(JavalinConfig cfg) {
        cfg.routes.before(RequestLog::begin);
        // an upgrade request passes the upgrade's handlers, not the HTTP ones
        cfg.routes.wsBeforeUpgrade(RequestLog::begin);
        cfg.requestLogger.http(RequestLog::finish);
        cfg.requestLogger.ws(ws -> ws.onUpgrade(RequestLog::finishUpgrade));
    }

    private static void begin(Context ctx) {
        String id = LogContext.newRequestId();
        ctx.attribute(STARTED, new Started(id, System.nanoTime(), ctx.method().name(), ctx.path()));
        ctx.header(REQUEST_ID_HEADER, id);
        MDC.put(LogContext.REQUEST_ID, id);
    }

    private static void finish(Context ctx, Float millis) {
        try {
            Started started = ctx.attribute(STARTED);
            Runnable line = () -> line(ctx.method().name(), ctx.path(), ctx.statusCode(), millis, ctx.ip());
            if (started == null) {
                line.run();
            } else {
                LogContext.with(LogContext.REQUEST_ID, started.id(), line);
            }
        } finally {
            // the thread may serve another request next
            MDC.remove(LogContext.REQUEST_ID);
        }
    }

    /**
     * A refused upgrade gets its line here; an accepted one when its connection opens ({@link #websocketOpened}):
     * the client may send its next upgrade as soon as it reads the 101, and the connection must be counted first
     * (the per-address cap), not be kept waiting behind a log line.
     */
    private static void finishUpgrade(Context ctx, Float millis) {
        if (ctx.statusCode() == SWITCHING_PROTOCOLS) {
            MDC.remove(LogContext.REQUEST_ID);
        } else {
            finish(ctx, millis);
        }
    }

    /** What {@link #begin} noted of this request (null if it did not pass it). */
    static Started started(Context ctx) {
        return ctx.attribute(STARTED);
    }

    /**
     * The access line of an accepted upgrade, written as its connection opens (with the connection's id in the
     * MDC): the one line that ties the connection's id to its upgrade request's.
     */
    static void websocketOpened(Started started, String client) {
        if (started != null) {
            LogContext.with(LogContext.REQUEST_ID, started.id(),
                    () -> line(started.method(), started.path(), SWITCHING_PROTOCOLS, started.millis(), client));
        }
    }

    /**
     * The line of a request Jetty refused before any route saw it (see {@link JsonErrorHandler}); returns the id it
     * got, for the response's header.
     */
    String refused(Request request, int status) {
        String id = LogContext.newRequestId();
        float millis = (System.nanoTime() - request.getBeginNanoTime()) / (float) TimeUnit.MILLISECONDS.toNanos(1);
        String client = proxies.clientAddress(Request.getRemoteAddr(request),
                request.getHeaders().getValuesList(FORWARDED_FOR));
        String path = request.getHttpURI() == null ? null : request.getHttpURI().getPath();
        LogContext.with(LogContext.REQUEST_ID, id, () -> line(request.getMethod(), path, status, millis, client));
        return id;
    }

    /** A WebSocket connection closed; the client's close reason is never logged (it could carry anything). */
    static void websocketClosed(int code, long openMillis) {
        ACCESS.atInfo().addKeyValue("closeCode", code).addKeyValue("openMs", openMillis)
                .log("websocket closed with {} after {} ms", code, openMillis);
    }

    private static void line(String method, String rawPath, int status, Float millis, String client) {
        String path = pathOnly(rawPath);
        double duration = millis == null ? 0 : Math.round(millis * 10) / 10.0;
        ACCESS.atInfo().addKeyValue("method", method).addKeyValue("path", path).addKeyValue("status", status)
                .addKeyValue("durationMs", duration).addKeyValue("client", client)
                .log("{} {} {} {} ms {}", method, path, status, duration, client);
    }

    /** The path with no query string or fragment, and not too long to read. */
    static String pathOnly(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "-";
        }
        int end = raw.length();
        for (char stop : new char[] {'?', '#', ';'}) {
            int at = raw.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end > MAX_PATH_LENGTH ? raw.substring(0, MAX_PATH_LENGTH) + "…" : raw.substring(0, end);
    }
}
