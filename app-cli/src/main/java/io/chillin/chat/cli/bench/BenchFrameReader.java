package io.chillin.chat.cli.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads a {@link BenchFrame} with Jackson's streaming parser, straight from the frame's bytes: no tree is built, and
 * whatever the bench does not count by (history pages, reactions, a reply's quote) is skipped unread. It reads what a
 * JSON tree would give for those fields: the last of repeated keys, numbers as their text, "" for what is absent.
 */
final class BenchFrameReader {

    private static final JsonFactory JSON = new JsonFactory();

    private BenchFrameReader() {
    }

    static BenchFrame read(byte[] utf8, int offset, int length) {
        try (JsonParser parser = JSON.createParser(utf8, offset, length)) {
            return read(parser);
        } catch (IOException e) {
            return BenchFrame.UNPARSEABLE;
        }
    }

    static BenchFrame read(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            return read(parser);
        } catch (IOException e) {
            return BenchFrame.UNPARSEABLE;
        }
    }

    private static BenchFrame read(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new BenchFrame("", "", "", "", -1, "", "");
        }
        String type = "";
        String ref = "";
        String tempId = "";
        String code = "";
        long seq = -1;
        String room = "";
        String text = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type" -> type = text(p, value);
                case "ref" -> ref = text(p, value);
                case "tempId" -> tempId = text(p, value);
                case "code" -> code = text(p, value);
                case "message" -> {
                    seq = -1;
                    room = "";
                    text = "";
                    if (value == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            JsonToken v = p.nextToken();
                            switch (field) {
                                case "seq" -> seq = number(p, v);
                                case "room" -> room = text(p, v);
                                case "text" -> text = text(p, v);
                                default -> p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new BenchFrame(type, ref, tempId, code, seq, room, text);
    }

    /** A scalar's text ("12" for a number, as {@code asText}); "" for an object or array, which is skipped. */
    private static String text(JsonParser p, JsonToken value) throws IOException {
        if (value.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        return "";
    }

    /** A present seq: its value as {@code asLong} reads it, 0 for what is not a number or is below 0 (seqs start at 1). */
    private static long number(JsonParser p, JsonToken value) throws IOException {
        long n = value.isScalarValue() ? p.getValueAsLong(0) : 0;
        p.skipChildren();
        return Math.max(n, 0);
    }
}
