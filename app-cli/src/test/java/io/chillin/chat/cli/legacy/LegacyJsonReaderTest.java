package io.chillin.chat.cli.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyJsonReaderTest {

    @TempDir
    Path dir;

    private final LegacyJsonReader reader = new LegacyJsonReader();

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private MalformedLegacyFile refusal(Path file, boolean messages) {
        try {
            if (messages) {
                reader.readMessageLists(file, n -> { });
            } else {
                reader.readRecords(file, n -> { });
            }
        } catch (MalformedLegacyFile e) {
            return e;
        }
        throw new AssertionError("accepted " + file);
    }

    @Test
    void reads_records_keyed_by_name_with_where_they_start() throws IOException {
        Path users = file("users.json", """
                {
                  "alice": {"username": "alice", "password": "00"},
                  "bob 😀": {"username": "bob 😀"}
                }""");

        List<LegacyEntry> entries = reader.readRecords(users, n -> { });

        assertThat(entries).extracting(LegacyEntry::key).containsExactly("alice", "bob 😀");
        assertThat(entries.get(1).text("username")).isEqualTo("bob 😀");
        assertThat(entries.get(1).line()).isEqualTo(3);
    }

    @Test
    void reads_message_lists_keeping_each_messages_index_in_its_room() throws IOException {
        Path messages = file("messages.json", """
                {"lobby": [{"user": "a", "text": "1"}, {"user": "b", "text": "2"}], "empty": [], "other": [{"text": "3"}]}""");

        List<LegacyEntry> entries = reader.readMessageLists(messages, n -> { });

        assertThat(entries).extracting(e -> e.key() + "#" + e.index() + "=" + e.text("text"))
                .containsExactly("lobby#0=1", "lobby#1=2", "other#0=3");
    }

    @Test
    void tells_progress_in_bytes_read() throws IOException {
        Path users = file("users.json", "{\"a\": {}, \"b\": {}}");
        List<Long> progress = new ArrayList<>();

        reader.readRecords(users, progress::add);

        assertThat(progress).hasSize(2).isSorted();
        assertThat(progress.getLast()).isPositive();
    }

    @Test
    void a_truncated_file_is_refused_with_the_position_where_it_ends() throws IOException {
        MalformedLegacyFile e = refusal(file("messages.json", "{\n  \"lobby\": [\n    {\"user\": \"a\", \"te"), true);

        assertThat(e.file()).isEqualTo("messages.json");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("messages.json: malformed at line 3, column").contains("end-of-input");
    }

    @Test
    void invalid_json_is_refused_with_its_position() throws IOException {
        MalformedLegacyFile e = refusal(file("users.json", "{\n  \"a\": {\"x\": 1,,}\n}"), false);

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(16); // the second comma
    }

    @Test
    void a_file_of_the_wrong_shape_is_refused_saying_what_was_expected() throws IOException {
        assertThat(refusal(file("users.json", "[{\"username\": \"a\"}]"), false).getMessage())
                .contains("line 1, column 1", "expected one JSON object keyed by name, found an array");
        assertThat(refusal(file("rooms.json", "{\"a\": \"lobby\"}"), false).getMessage())
                .contains("the value of \"a\" should be an object, found a string");
        assertThat(refusal(file("messages.json", "{\"a\": {}}"), true).getMessage())
                .contains("should be an array of messages, found an object");
        assertThat(refusal(file("messages.json", "{\"a\": [{}, 42]}"), true).getMessage())
                .contains("message #2 of \"a\" should be an object, found a number");
        assertThat(refusal(file("users.json", ""), false).getMessage()).contains("the file is empty");
        assertThat(refusal(file("users.json", "{} {}"), false).getMessage()).contains("unexpected content after the end");
    }

    @Test
    void a_file_that_is_not_json_at_all_is_refused() throws IOException {
        assertThatThrownBy(() -> reader.readRecords(file("users.json", "users: alice"), n -> { }))
                .isInstanceOf(MalformedLegacyFile.class).hasMessageContaining("users.json: malformed at line 1");
    }
}
