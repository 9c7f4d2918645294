package io.chillin.chat.cli.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LegacyTimestampsTest {

    private static final Instant WHEN = Instant.parse("2022-04-16T05:20:02.345Z");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest
    @ValueSource(strings = {"2022-04-16T05:20:02.345Z", "2022-04-16T07:20:02.345+02:00", "2022-04-16T05:20:02.345",
            "2022-04-16 05:20:02.345", "1650086402345", "1650086402.345"})
    void reads_the_forms_javascript_writes(String text) {
        assertThat(LegacyTimestamps.parse(NODES.textNode(text))).contains(WHEN);
    }

    @Test
    void reads_numbers_as_epoch_milliseconds_or_seconds() {
        assertThat(LegacyTimestamps.parse(NODES.numberNode(1_650_086_402_345L))).contains(WHEN);
        assertThat(LegacyTimestamps.parse(NODES.numberNode(1_650_086_402L))).contains(Instant.parse("2022-04-16T05:20:02Z"));
    }

    @Test
    void reads_to_utc_string_and_to_string() {
        assertThat(LegacyTimestamps.parse(NODES.textNode("Sat, 16 Apr 2022 05:20:02 GMT")))
                .contains(Instant.parse("2022-04-16T05:20:02Z"));
        assertThat(LegacyTimestamps.parse(NODES.textNode("Sat Apr 16 2022 07:20:02 GMT+0200 (Central European Summer Time)")))
                .contains(Instant.parse("2022-04-16T05:20:02Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "12:30 PM", "0", "1850-01-01T00:00:00Z", "99999999999999"})
    void refuses_what_is_not_a_plausible_instant(String text) {
        assertThat(LegacyTimestamps.parse(NODES.textNode(text))).isEmpty();
    }

    @Test
    void refuses_missing_null_and_other_json_types() {
        assertThat(LegacyTimestamps.parse(null)).isEmpty();
        assertThat(LegacyTimestamps.parse(NullNode.getInstance())).isEmpty();
        assertThat(LegacyTimestamps.parse(NODES.booleanNode(true))).isEmpty();
        assertThat(LegacyTimestamps.parse(NODES.objectNode())).isEmpty();
    }
}
