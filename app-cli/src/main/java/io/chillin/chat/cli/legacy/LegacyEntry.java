package io.chillin.chat.cli.legacy;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record of a legacy file as read: the key it is filed under (a user or room name, or for a message its
 * room), its position among its room's messages ({@code index}, 0 for users and rooms), the JSON object, and
 * where it starts in the file.
 */
public record LegacyEntry(String key, int index, ObjectNode value, long line, long column) {

    /** A field as text: strings as they are, numbers and booleans spelled out, anything else (or nothing) null. */
    public String text(String field) {
        var node = value.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return node.asText();
    }

    public boolean flag(String field) {
        var node = value.get(field);
        return node != null && (node.asBoolean(false) || "true".equalsIgnoreCase(node.asText()));
    }
}
