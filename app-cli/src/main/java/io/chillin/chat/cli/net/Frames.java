package io.chillin.chat.cli.net;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Building and reading the protocol's JSON frames. */
public final class Frames {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Frames() {
    }

    /** A frame from alternating keys and values (null values are left out). */
    public static ObjectNode of(Object... keysAndValues) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                node.set((String) keysAndValues[i], JSON.valueToTree(value));
            }
        }
        return node;
    }

    /** The frame as JSON, or an object of type {@code <unparseable>} holding the raw text. */
    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode().put("type", "<unparseable>").put("raw", text);
        }
    }

    public static String type(JsonNode frame) {
        return frame.path("type").asText();
    }
}
