package io.chillin.chat.cli.legacy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Reads the old app's files strictly: each must be one JSON object keyed by name, whose values are objects
 * ({@code users.json}, {@code rooms.json}) or arrays of objects ({@code messages.json}). Anything else, a
 * truncated file included, is a {@link MalformedLegacyFile} naming the file and the line and column.
 */
public final class LegacyJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a file of records keyed by name; {@code progress} hears the bytes read so far. */
    public List<LegacyEntry> readRecords(Path file, LongConsumer progress) {
        return read(file, progress, (p, name, entries) -> {
            JsonLocation at = p.currentTokenLocation();
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(file, p.currentTokenLocation(), "the value of \"" + name + "\" should be an object, found "
                        + describe(p.currentToken()));
            }
            entries.add(new LegacyEntry(name, 0, p.readValueAsTree(), at.getLineNr(), at.getColumnNr()));
        });
    }

    /** Reads a file of message lists keyed by room name, each message an entry with its index in its room's list. */
    public List<LegacyEntry> readMessageLists(Path file, LongConsumer progress) {
        return read(file, progress, (p, room, entries) -> {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw malformed(file, p.currentTokenLocation(), "the value of \"" + room
                        + "\" should be an array of messages, found " + describe(p.currentToken()));
            }
            int index = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                JsonLocation at = p.currentTokenLocation();
                if (t != JsonToken.START_OBJECT) {
                    throw malformed(file, at, "message #" + (index + 1) + " of \"" + room + "\" should be an object, found "
                            + describe(t));
                }
                ObjectNode message = p.readValueAsTree();
                entries.add(new LegacyEntry(room, index++, message, at.getLineNr(), at.getColumnNr()));
            }
        });
    }

    @FunctionalInterface
    private interface ValueReader {
        void read(JsonParser parser, String name, List<LegacyEntry> into) throws IOException;
    }

    private static List<LegacyEntry> read(Path file, LongConsumer progress, ValueReader values) {
        String name = file.getFileName().toString();
        List<LegacyEntry> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new MalformedLegacyFile(name, 1, 1, "the file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw malformed(file, p.currentTokenLocation(), "expected one JSON object keyed by name, found "
                        + describe(first));
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                // inside an object the parser yields only names and the closing brace; anything else it refuses itself
                values.read(p, p.currentName(), entries);
                progress.accept(p.currentLocation().getByteOffset());
            }
            if (p.nextToken() != null) {
                throw malformed(file, p.currentTokenLocation(), "unexpected content after the end of the top-level object");
            }
            return entries;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedLegacyFile(name, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static MalformedLegacyFile malformed(Path file, JsonLocation at, String reason) {
        return new MalformedLegacyFile(file.getFileName().toString(), at.getLineNr(), at.getColumnNr(), reason);
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }
}
