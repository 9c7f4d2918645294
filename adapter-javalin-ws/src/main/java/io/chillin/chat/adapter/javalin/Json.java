package io.chillin.chat.adapter.javalin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chillin.chat.domain.ChatException;
import java.io.IOException;
import java.util.Optional;

/** The one JSON configuration of the edge: bounded parsing of untrusted input, ISO-8601 times out. */
final class Json {

    private static final int MAX_NESTING = 16;
    private static final int MAX_STRING_CHARS = 64 * 1024;
    private static final int MAX_NUMBER_CHARS = 32;
    private static final int MAX_DOCUMENT_CHARS = 256 * 1024;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING_CHARS)
                .maxNumberLength(MAX_NUMBER_CHARS)
                .maxDocumentLength(MAX_DOCUMENT_CHARS)
                .build());
        MAPPER.getFactory().disable(JsonParser.Feature.ALLOW_COMMENTS);
    }

    /** Reads the top level of text that {@link #MAPPER} refused: the same limits, but nesting up to the document's length. */
    private static final JsonFactory SKIMMER = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DOCUMENT_CHARS)
                    .maxStringLength(MAX_STRING_CHARS)
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxDocumentLength(MAX_DOCUMENT_CHARS)
                    .build())
            .build();

    private Json() {
    }

    /** Parses untrusted text that must be one JSON object. @throws Malformed otherwise */
    static ObjectNode object(String text) {
        JsonNode node;
        try {
            node = text == null || text.isBlank() ? null : MAPPER.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new Malformed("not valid JSON: nested deeper than " + MAX_NESTING + " levels or over a size limit");
        } catch (JsonProcessingException e) {
            throw new Malformed("not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new Malformed("expected a JSON object");
        }
        return (ObjectNode) node;
    }

    /**
     * The top-level field {@code name} of text that may not parse as a whole (nested too deeply, broken or
     * duplicated further on), when it is a string or a whole number, given once, and comes before whatever stops
     * the reading. Nesting is only skipped here, never built, so its depth is bounded by the document's length alone.
     */
    static Optional<JsonNode> topLevelScalar(String text, String name) {
        if (text == null) {
            return Optional.empty();
        }
        JsonNode found = null;
        try (JsonParser parser = SKIMMER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = name.equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (wanted && found != null) {
                    return Optional.empty();
                }
                if (wanted) {
                    found = switch (value) {
                        case VALUE_STRING -> TextNode.valueOf(parser.getText());
                        case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                                ? BigIntegerNode.valueOf(parser.getBigIntegerValue()) : LongNode.valueOf(parser.getLongValue());
                        default -> null;
                    };
                    if (found == null) {
                        return Optional.empty();
                    }
                }
                parser.skipChildren();
            }
        } catch (IOException | RuntimeException stoppedReading) {
            // what was read before this point stands
        }
        return Optional.ofNullable(found);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass(), e);
        }
    }

    /** Input that is not the JSON the protocol expects: the MALFORMED code, at the edge only. */
    static final class Malformed extends RuntimeException {
        final String field;

        Malformed(String message) {
            this(message, null);
        }

        Malformed(String message, String field) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    /** Reads typed fields from a parsed object; a wrong JSON type is MALFORMED. */
    record Fields(ObjectNode node) {

        /** A string field, or null when absent or JSON null. */
        String string(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw new Malformed("'" + name + "' must be a string", name);
            }
            return value.textValue();
        }

        /** A string field that must be present (MALFORMED when absent: for WebSocket frames). */
        String requiredString(String name) {
            String value = string(name);
            if (value == null) {
                throw new Malformed("'" + name + "' is required", name);
            }
            return value;
        }

        /** A whole-number field, or null when absent. */
        Long integer(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new Malformed("'" + name + "' must be a whole number", name);
            }
            return value.longValue();
        }

        /** A whole-number field that must be present. */
        long requiredInteger(String name) {
            Long value = integer(name);
            if (value == null) {
                throw new Malformed("'" + name + "' is required", name);
            }
            return value;
        }

        /** A boolean field that must be present. */
        boolean requiredBoolean(String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw new Malformed("'" + name + "' is required", name);
            }
            if (!value.isBoolean()) {
                throw new Malformed("'" + name + "' must be true or false", name);
            }
            return value.booleanValue();
        }
    }

    /** Maps a rejection's code into an error body: {"error": {"code", "message", "field"?}}. */
    static ObjectNode errorBody(String code, String message, String field) {
        ObjectNode error = MAPPER.createObjectNode().put("code", code).put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.set("error", error);
        return body;
    }

    static String fieldOf(ChatException e) {
        return e instanceof ChatException.Invalid invalid ? invalid.field() : null;
    }
}
