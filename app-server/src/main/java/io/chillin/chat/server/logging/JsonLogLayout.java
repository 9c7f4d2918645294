package io.chillin.chat.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per line: {@code timestamp} (ISO-8601, UTC), {@code level}, {@code logger}, {@code thread},
 * {@code message}, then every MDC entry ({@code requestId}, {@code connectionId}) and every key-value pair of the
 * event (the access line's {@code method}, {@code path}, {@code status}, ...) as fields of their own, and
 * {@code exception} (the stack trace as text) when there is one. Every text is scrubbed; a name that is taken
 * already is not written twice.
 */
public final class JsonLogLayout extends LayoutBase<ILoggingEvent> {

    private static final JsonFactory JSON = new JsonFactory();
    private static final List<String> FIXED = List.of("timestamp", "level", "logger", "thread", "message", "exception");

    @Override
    public String doLayout(ILoggingEvent event) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("timestamp", LogEvents.timestamp(event));
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            json.writeStringField("message", SecretScrubber.scrub(event.getFormattedMessage()));
            Set<String> written = new HashSet<>(FIXED);
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null) {
                for (Map.Entry<String, String> entry : mdc.entrySet()) {
                    if (written.add(entry.getKey())) {
                        json.writeStringField(entry.getKey(), SecretScrubber.scrub(entry.getValue()));
                    }
                }
            }
            List<KeyValuePair> pairs = event.getKeyValuePairs();
            if (pairs != null) {
                for (KeyValuePair pair : pairs) {
                    if (pair.key != null && written.add(pair.key)) {
                        writeValue(json, pair.key, pair.value);
                    }
                }
            }
            String exception = LogEvents.exception(event);
            if (exception != null) {
                json.writeStringField("exception", exception);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return line.append(CoreConstants.LINE_SEPARATOR).toString();
    }

    /** Numbers and booleans stay what they are; anything else is its text, scrubbed. */
    private static void writeValue(JsonGenerator json, String key, Object value) throws IOException {
        json.writeFieldName(key);
        switch (value) {
            case null -> json.writeNull();
            case Integer i -> json.writeNumber(i);
            case Long l -> json.writeNumber(l);
            case Double d when Double.isFinite(d) -> json.writeNumber(d);
            case Float f when Float.isFinite(f) -> json.writeNumber(f);
            case Boolean b -> json.writeBoolean(b);
            default -> json.writeString(SecretScrubber.scrub(String.valueOf(value)));
        }
    }
}
