package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Untrusted text becomes one bounded JSON object, or MALFORMED: ARCHITECTURE.md, "Security by default". */
class JsonBoundsTest {

    @Test
    void a_json_object_is_parsed() {
        ObjectNode node = Json.object("{\"type\":\"join\",\"room\":\"lobby\",\"sinceSeq\":3}");

        assertThat(node.path("type").asText()).isEqualTo("join");
        assertThat(node.path("sinceSeq").asLong()).isEqualTo(3);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "null", "42", "-1.5", "true", "\"join\"", "[]", "[{\"type\":\"ping\"}]"})
    void anything_but_an_object_is_malformed(String text) {
        assertThatThrownBy(() -> Json.object(text)).isInstanceOf(Json.Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "}", "{\"type\":}", "{type:\"ping\"}", "{'type':'ping'}", "{\"type\":\"ping\",}",
            "{\"type\":\"ping\" /* hi */}", "{\"type\":\"ping\"} // hi", "{\"a\":NaN}", "{\"a\":01}", "not json",
            "{\"a\":\"\u0001\"}"})
    void invalid_json_is_malformed(String text) {
        assertThatThrownBy(() -> Json.object(text)).isInstanceOf(Json.Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"ping\"} x", "{\"type\":\"ping\"}{}", "{\"type\":\"ping\"} []",
            "{\"type\":\"ping\"} \"more\"", "{} 1"})
    void trailing_content_after_the_object_is_malformed(String text) {
        assertThatThrownBy(() -> Json.object(text)).isInstanceOf(Json.Malformed.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"ping\",\"type\":\"join\"}", "{\"a\":{\"b\":1,\"b\":2}}", "{\"room\":\"x\",\"room\":\"x\"}"})
    void duplicate_keys_are_malformed(String text) {
        assertThatThrownBy(() -> Json.object(text)).isInstanceOf(Json.Malformed.class);
    }

    @Test
    void nesting_of_sixteen_levels_is_accepted() {
        assertThat(Json.object(nestedObjects(16))).isNotNull();
        assertThat(Json.object(objectHoldingNestedArrays(15))).isNotNull();
    }

    @Test
    void nesting_deeper_than_sixteen_levels_is_malformed() {
        assertThatThrownBy(() -> Json.object(nestedObjects(17))).isInstanceOf(Json.Malformed.class);
        assertThatThrownBy(() -> Json.object(objectHoldingNestedArrays(16))).isInstanceOf(Json.Malformed.class);
        assertThatThrownBy(() -> Json.object(nestedObjects(5_000))).isInstanceOf(Json.Malformed.class);
    }

    @Test
    void a_document_longer_than_256_KiB_is_malformed() {
        String padded = "{\"type\":\"ping\"" + " ".repeat(300 * 1024) + "}";
        StringBuilder manyKeys = new StringBuilder("{");
        for (int i = 0; manyKeys.length() < 300 * 1024; i++) {
            manyKeys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        manyKeys.append('}');

        assertThatThrownBy(() -> Json.object(padded)).isInstanceOf(Json.Malformed.class);
        assertThatThrownBy(() -> Json.object(manyKeys.toString())).isInstanceOf(Json.Malformed.class);
    }

    @Test
    void over_long_strings_and_numbers_are_malformed() {
        String longString = "{\"text\":\"" + "a".repeat(65 * 1024) + "\"}";
        String longNumber = "{\"sinceSeq\":" + "9".repeat(40) + "}";

        assertThatThrownBy(() -> Json.object(longString)).isInstanceOf(Json.Malformed.class);
        assertThatThrownBy(() -> Json.object(longNumber)).isInstanceOf(Json.Malformed.class);
    }

    @Test
    void a_string_field_of_another_json_type_is_malformed_and_names_the_field() {
        for (String value : new String[] {"5", "true", "{}", "[\"a\"]", "1.5"}) {
            Json.Fields fields = fields("{\"room\":" + value + "}");

            Json.Malformed e = catchThrowableOfType(Json.Malformed.class, () -> fields.string("room"));
            assertThat(e).as("room = %s", value).isNotNull();
            assertThat(e.field).isEqualTo("room");
            assertThat(e.getMessage()).contains("room");
        }
    }

    @Test
    void a_whole_number_field_of_another_json_type_is_malformed_and_names_the_field() {
        for (String value : new String[] {"\"5\"", "1.5", "1e3", "true", "[]", "{}", "99999999999999999999"}) {
            Json.Fields fields = fields("{\"sinceSeq\":" + value + "}");

            Json.Malformed e = catchThrowableOfType(Json.Malformed.class, () -> fields.integer("sinceSeq"));
            assertThat(e).as("sinceSeq = %s", value).isNotNull();
            assertThat(e.field).isEqualTo("sinceSeq");
        }
    }

    @Test
    void absent_and_null_optional_fields_read_as_null() {
        Json.Fields fields = fields("{\"password\":null,\"sinceSeq\":null}");

        assertThat(fields.string("password")).isNull();
        assertThat(fields.string("name")).isNull();
        assertThat(fields.integer("sinceSeq")).isNull();
        assertThat(fields.integer("other")).isNull();
    }

    @Test
    void present_fields_read_as_their_values() {
        Json.Fields fields = fields("{\"room\":\"lobby\",\"sinceSeq\":-7,\"big\":9223372036854775807}");

        assertThat(fields.requiredString("room")).isEqualTo("lobby");
        assertThat(fields.integer("sinceSeq")).isEqualTo(-7L);
        assertThat(fields.integer("big")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void a_required_string_that_is_absent_or_null_is_malformed_and_names_the_field() {
        Json.Fields fields = fields("{\"type\":\"sendMessage\",\"room\":null}");

        Json.Malformed absent = catchThrowableOfType(Json.Malformed.class, () -> fields.requiredString("tempId"));
        Json.Malformed nullValue = catchThrowableOfType(Json.Malformed.class, () -> fields.requiredString("room"));

        assertThat(absent).isNotNull();
        assertThat(absent.field).isEqualTo("tempId");
        assertThat(nullValue).isNotNull();
        assertThat(nullValue.field).isEqualTo("room");
    }

    @Test
    void a_required_string_of_another_json_type_is_malformed_and_names_the_field() {
        Json.Fields fields = fields("{\"text\":[\"hi\"]}");

        Json.Malformed e = catchThrowableOfType(Json.Malformed.class, () -> fields.requiredString("text"));

        assertThat(e).isNotNull();
        assertThat(e.field).isEqualTo("text");
    }

    @Test
    void a_top_level_field_is_read_from_text_too_deep_or_broken_after_it() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);

        assertThat(Json.topLevelScalar("{\"ref\":\"r1\",\"text\":" + deep + "}", "ref")).map(JsonNode::toString).hasValue("\"r1\"");
        assertThat(Json.topLevelScalar("{\"text\":" + deep + ",\"ref\":7}", "ref")).map(JsonNode::toString).hasValue("7");
        assertThat(Json.topLevelScalar("{\"ref\":\"r1\",\"x\":}", "ref")).map(JsonNode::toString).hasValue("\"r1\"");
        assertThat(Json.topLevelScalar("{\"ref\":\"r1\"} trailing", "ref")).map(JsonNode::toString).hasValue("\"r1\"");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "not json", "[{\"ref\":\"r\"}]", "{\"x\":,\"ref\":\"r\"}", "{\"a\":{\"ref\":\"inner\"}}",
            "{\"ref\":\"a\",\"ref\":\"b\"}", "{\"ref\":{\"a\":1}}", "{\"ref\":[1]}", "{\"ref\":1.5}", "{\"ref\":true}",
            "{\"ref\":null}", "{\"other\":\"r\"}"})
    void a_top_level_field_that_cannot_be_read_unambiguously_as_a_string_or_whole_number_is_empty(String text) {
        assertThat(Json.topLevelScalar(text, "ref")).isEmpty();
    }

    private static Json.Fields fields(String text) {
        return new Json.Fields(Json.object(text));
    }

    /** {"a":{"a":...{}...}} with {@code depth} objects in all. */
    private static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    /** An object holding {@code arrays} arrays nested in each other: 1 + arrays levels. */
    private static String objectHoldingNestedArrays(int arrays) {
        return "{\"a\":" + "[".repeat(arrays) + "]".repeat(arrays) + "}";
    }
}
