package io.chillin.chat.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

/** The two formats of a log line, field by field, on events made here (no appender, no console). */
class LogLayoutsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Logger logger = new LoggerContext().getLogger("io.chillin.chat.adapter.javalin.ChatSocket");

    private LoggingEvent event(String message, Throwable thrown) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN, message, thrown, null);
        event.setInstant(Instant.parse("2026-01-31T12:34:56.789Z"));
        event.setThreadName("ws-worker-7");
        event.setMDCPropertyMap(Map.of("connectionId", "c-42"));
        return event;
    }

    @Test
    void json_has_the_fixed_fields_the_mdc_the_key_values_and_the_exception() throws Exception {
        LoggingEvent event = event("frame failed for ?token=s3cr3t", new IllegalStateException("boom password=s3cr3t"));
        event.addKeyValuePair(new KeyValuePair("status", 500));
        event.addKeyValuePair(new KeyValuePair("durationMs", 3.5));
        event.addKeyValuePair(new KeyValuePair("level", "forged"));

        String line = new JsonLogLayout().doLayout(event);

        assertThat(line).endsWith("\n").doesNotContain("s3cr3t");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("timestamp").asText()).isEqualTo("2026-01-31T12:34:56.789Z");
        assertThat(json.path("level").asText()).as("not overwritten").isEqualTo("WARN");
        assertThat(json.path("logger").asText()).isEqualTo("io.chillin.chat.adapter.javalin.ChatSocket");
        assertThat(json.path("thread").asText()).isEqualTo("ws-worker-7");
        assertThat(json.path("message").asText()).isEqualTo("frame failed for ?token=***");
        assertThat(json.path("connectionId").asText()).isEqualTo("c-42");
        assertThat(json.path("status").isInt()).isTrue();
        assertThat(json.path("durationMs").asDouble()).isEqualTo(3.5);
        assertThat(json.path("exception").asText()).startsWith("java.lang.IllegalStateException: boom password=***")
                .contains("\tat io.chillin.chat.server.logging.LogLayoutsTest");
    }

    @Test
    void text_is_one_line_with_the_ids_then_the_stack_trace() {
        String line = new TextLogLayout().doLayout(event("a name with\na forged line, Bearer s3cr3t", new RuntimeException("x")));

        String first = line.lines().findFirst().orElseThrow();
        assertThat(first).isEqualTo("2026-01-31T12:34:56.789Z WARN  i.c.chat.adapter.javalin.ChatSocket connectionId=c-42"
                + " - a name with\\na forged line, Bearer ***");
        assertThat(line.lines().toList().get(1)).isEqualTo("java.lang.RuntimeException: x");
    }
}
