package io.chillin.chat.cli.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chillin.chat.adapter.crypto.Argon2PasswordHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The old Node.js app's server/data folder, written in its format: each file one JSON object keyed by name. */
public final class LegacyFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode users = JSON.createObjectNode();
    private final ObjectNode rooms = JSON.createObjectNode();
    private final ObjectNode messages = JSON.createObjectNode();

    /** Hex SHA-256 of the password, unsalted: what the old app stored. */
    public static String sha256(String password) {
        return Argon2PasswordHasher.legacySha256(password);
    }

    public LegacyFixture user(String key, String username, String password) {
        users.set(key, JSON.createObjectNode().put("username", username).put("password", password == null ? null : sha256(password))
                .put("email", username + "@example.com").put("avatar", "https://api.dicebear.com/avatar/" + username + ".svg")
                .put("createdAt", "2022-01-02T03:04:05.000Z").put("updatedAt", "2022-01-02T03:04:05.000Z"));
        return this;
    }

    public LegacyFixture user(String username, String password) {
        return user(username, username, password);
    }

    public LegacyFixture room(String name, String creator, String password) {
        rooms.set(name, JSON.createObjectNode().put("name", name).put("description", "about " + name).put("creator", creator)
                .put("createdAt", "2022-02-03T04:05:06.000Z").put("updatedAt", "2022-02-03T04:05:06.000Z")
                .put("isPrivate", password != null).put("password", password == null ? null : sha256(password))
                .put("memberCount", 3));
        return this;
    }

    public LegacyFixture roomRecord(String key, ObjectNode record) {
        rooms.set(key, record);
        return this;
    }

    /** A message; {@code timestamp} as the old app wrote it (ISO string). */
    public LegacyFixture message(String room, String user, String text, String timestamp) {
        list(room).add(JSON.createObjectNode().put("user", user).put("text", text).put("timestamp", timestamp));
        return this;
    }

    public LegacyFixture messageRecord(String room, ObjectNode record) {
        list(room).add(record);
        return this;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private ArrayNode list(String room) {
        if (!messages.has(room)) {
            messages.set(room, JSON.createArrayNode());
        }
        return (ArrayNode) messages.get(room);
    }

    /** Writes users.json, rooms.json and messages.json (pretty-printed, UTF-8) into the folder. */
    public Path writeTo(Path dir) {
        write(dir.resolve("users.json"), users);
        write(dir.resolve("rooms.json"), rooms);
        write(dir.resolve("messages.json"), messages);
        return dir;
    }

    private static void write(Path file, ObjectNode content) {
        try {
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(content), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
