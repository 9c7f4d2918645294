package io.chillin.chat.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What both formats read from an event the same way: its time (UTC, to the millisecond) and its stack trace. */
final class LogEvents {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);

    private LogEvents() {
    }

    static String timestamp(ILoggingEvent event) {
        return TIMESTAMP.format(event.getInstant());
    }

    /** The exception with its causes and stack, scrubbed; null when the event has none. */
    static String exception(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        return thrown == null ? null : SecretScrubber.scrub(ThrowableProxyUtil.asString(thrown));
    }
}
