package io.chillin.chat.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/**
 * The encoder {@code logback.xml} names: writes each event as {@link TextLogLayout} or {@link JsonLogLayout}
 * does, as its {@code format} ({@code ${CHAT_LOG_FORMAT}}) says. An unknown format logs as text; the server's
 * configuration refuses it at start with a message that names the variable.
 */
public final class LogLineEncoder extends EncoderBase<ILoggingEvent> {

    private LogFormat format = LogFormat.TEXT;
    private Layout<ILoggingEvent> layout;

    /** Called by Logback with the {@code <format>} of {@code logback.xml}. */
    public void setFormat(String value) {
        try {
            format = LogFormat.parse(value);
        } catch (IllegalArgumentException e) {
            // not a warning: Logback would print its whole start-up report, above the server's own clear refusal
            addInfo("CHAT_LOG_FORMAT: " + e.getMessage() + "; logging as text");
            format = LogFormat.TEXT;
        }
    }

    @Override
    public void start() {
        layout = switch (format) {
            case TEXT -> new TextLogLayout();
            case JSON -> new JsonLogLayout();
        };
        layout.setContext(getContext());
        layout.start();
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return layout.doLayout(event).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
