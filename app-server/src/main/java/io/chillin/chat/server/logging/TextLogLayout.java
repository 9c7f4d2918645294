package io.chillin.chat.server.logging;

import ch.qos.logback.classic.pattern.Abbreviator;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.util.Map;

/**
 * One readable line per event: {@code 2026-01-31T12:00:00.000Z INFO  c.c.s.ChatServer requestId=... - message},
 * the MDC's ids between logger and message, the stack trace (if any) on the lines after. Line breaks inside the
 * message are escaped, so text from a client cannot forge a line of its own; the whole line is scrubbed.
 */
public final class TextLogLayout extends LayoutBase<ILoggingEvent> {

    private final Abbreviator loggerNames = new TargetLengthBasedClassNameAbbreviator(36);

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        line.append(LogEvents.timestamp(event)).append(' ');
        String level = event.getLevel().toString();
        line.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
        line.append(loggerNames.abbreviate(event.getLoggerName()));
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            mdc.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        }
        line.append(" - ").append(oneLine(event.getFormattedMessage()));
        String scrubbed = SecretScrubber.scrub(line.toString()) + CoreConstants.LINE_SEPARATOR;
        String exception = LogEvents.exception(event);
        return exception == null ? scrubbed : scrubbed + exception;
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.indexOf('\n') < 0 && message.indexOf('\r') < 0 ? message
                : message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
