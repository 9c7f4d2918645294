package io.chillin.chat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.application.port.in.LogInCommand;
import io.chillin.chat.cli.support.Cli;
import io.chillin.chat.cli.support.Cli.Run;
import io.chillin.chat.cli.support.LegacyFixture;
import io.chillin.chat.cli.support.Names;
import io.chillin.chat.cli.support.Store;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import legacy} on fixture files in the old app's format, run through picocli on a store configured as
 * the server's, and checked there. Each store (embedded, PostgreSQL) runs all of it.
 */
abstract class ImportLegacyContract {

    /** The server settings that point at this test's store. */
    protected abstract Map<String, String> storeEnv();

    @TempDir
    Path legacyDir;

    private String s;
    private String alice;
    private String general;
    private String secret;

    @BeforeEach
    void names() {
        s = Names.suffix();
        alice = "alice_" + s;
        general = "General " + s;
        secret = "Secret 🔒 " + s;
    }

    private Run importLegacy(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "import";
        args[1] = "legacy";
        args[2] = "--data-dir=" + legacyDir;
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Cli.run(storeEnv(), args);
    }

    /** The old app's data for one small chat: users, a public and a private room, their messages and admin notices. */
    private LegacyFixture chat() {
        return new LegacyFixture()
                .user(alice, "alice-pw")
                .user("bob_" + s, "bob-pw-1")
                .room(general, alice, null)
                .room(secret, alice, "room-pw")
                .message(general, "admin", alice + ", welcome to room " + general + ".", "2022-03-01T10:00:00.000Z")
                .message(general, alice, "hello everyone 👋🎉", "2022-03-01T10:00:01.250Z")
                .message(general, "bob_" + s, "hi alice — ça va? 😀", "2022-03-01T10:00:02.500Z")
                .message(general, alice, "line one\nline two", "2022-03-01T10:00:03.000Z")
                .message(secret, alice, "psst 🤫", "2022-03-01T11:00:00.000Z");
    }

    private List<ChatMessage> history(String room) {
        return Store.ports(storeEnv(), p -> p.messages().after(RoomName.of(room), 0, 100));
    }

    private Optional<Room> room(String name) {
        return Store.ports(storeEnv(), p -> p.rooms().find(RoomName.of(name)));
    }

    private Optional<User> user(String name) {
        return Store.ports(storeEnv(), p -> p.users().find(Username.of(name)));
    }

    @Test
    void imports_users_rooms_and_messages_keeping_order_timestamps_and_emoji() {
        chat().writeTo(legacyDir);

        Run run = importLegacy();

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(user(alice)).get().extracting(User::email, User::createdAt)
                .containsExactly(alice + "@example.com", Instant.parse("2022-01-02T03:04:05Z"));
        assertThat(room(general)).get().extracting(Room::isPrivate).isEqualTo(false);
        assertThat(room(secret)).get().extracting(Room::isPrivate).isEqualTo(true);
        List<ChatMessage> messages = history(general);
        assertThat(messages).extracting(m -> m.seq() + " " + m.author() + ": " + m.text().value()).containsExactly(
                "1 " + alice + ": hello everyone 👋🎉",
                "2 bob_" + s + ": hi alice — ça va? 😀",
                "3 " + alice + ": line one\nline two");
        assertThat(messages).extracting(ChatMessage::timestamp).containsExactly(Instant.parse("2022-03-01T10:00:01.250Z"),
                Instant.parse("2022-03-01T10:00:02.500Z"), Instant.parse("2022-03-01T10:00:03Z"));
        assertThat(messages.getFirst().authorKey()).isEqualTo(Identity.registered(Username.of(alice)).key());
        assertThat(history(secret)).extracting(m -> m.text().value()).containsExactly("psst 🤫");
        assertThat(run.out()).contains("users.json", "rooms.json", "messages.json", "admin notice");
    }

    @Test
    void reports_what_it_read_imported_and_skipped_per_file_as_json() {
        chat().writeTo(legacyDir);

        JsonNode report = importLegacy("--json").json();

        assertThat(report.path("dryRun").asBoolean()).isFalse();
        JsonNode messages = file(report, "messages.json");
        assertThat(messages.path("read").asInt()).isEqualTo(5);
        assertThat(messages.path("imported").asInt()).isEqualTo(4);
        assertThat(messages.path("skipped").asInt()).isEqualTo(1);
        assertThat(messages.path("skips").get(0).path("reason").asText()).isEqualTo("admin notice");
        assertThat(file(report, "users.json").path("imported").asInt()).isEqualTo(2);
        assertThat(file(report, "rooms.json").path("imported").asInt()).isEqualTo(2);
        assertThat(file(report, "users.json").path("notes").toString()).contains("avatar URL(s) not imported");
    }

    @Test
    void a_second_run_imports_nothing_and_says_everything_is_already_present() {
        chat().writeTo(legacyDir);
        importLegacy();

        JsonNode again = importLegacy("--json").json();

        assertThat(again.path("files").findValuesAsText("imported")).containsOnly("0");
        assertThat(file(again, "users.json").path("alreadyPresent").asInt()).isEqualTo(2);
        assertThat(file(again, "rooms.json").path("alreadyPresent").asInt()).isEqualTo(2);
        assertThat(file(again, "messages.json").path("alreadyPresent").asInt()).isEqualTo(4);
        assertThat(history(general)).hasSize(3);
    }

    @Test
    void a_dry_run_changes_nothing_and_reports_what_it_would_import() {
        chat().writeTo(legacyDir);

        Run run = importLegacy("--dry-run");
        JsonNode report = importLegacy("--dry-run", "--json").json();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("dry run: nothing was changed", "TO IMPORT");
        assertThat(file(report, "messages.json").path("imported").asInt()).isEqualTo(4);
        assertThat(user(alice)).isEmpty();
        assertThat(room(general)).isEmpty();
    }

    @Test
    void of_names_differing_only_in_case_the_first_wins_and_the_others_are_reported() {
        String bob = "Bob_" + s;
        String sameRoom = general.toUpperCase();
        new LegacyFixture()
                .user(bob, "first-pw")
                .user(bob.toLowerCase(), "second-pw")
                .room(general, bob, null)
                .room(sameRoom, bob, null)
                .message(general, bob.toLowerCase(), "written by the second bob", "2022-03-01T10:00:00Z")
                .message(sameRoom, bob, "filed under the other spelling", "2022-03-01T10:00:01Z")
                .writeTo(legacyDir);

        JsonNode report = importLegacy("--json").json();

        assertThat(user(bob.toLowerCase())).get().extracting(u -> u.username().value()).isEqualTo(bob);
        assertThat(logIn(bob, "first-pw")).isNotBlank();
        assertThat(file(report, "users.json").path("skips").get(0).path("reason").asText())
                .isEqualTo("same name as an earlier user, ignoring case");
        assertThat(file(report, "rooms.json").path("skips").get(0).path("reason").asText())
                .isEqualTo("same name as an earlier room, ignoring case");
        assertThat(history(general)).extracting(m -> m.author().value() + ": " + m.text().value())
                .containsExactly(bob + ": written by the second bob", bob + ": filed under the other spelling");
        assertThat(file(report, "messages.json").path("notes").toString()).contains("go to one room");
    }

    @Test
    void messages_of_unknown_rooms_create_public_rooms_and_are_reported() {
        String lobby = "Lobby " + s;
        new LegacyFixture()
                .user(alice, "alice-pw")
                .message(lobby, alice, "anyone here?", "2022-04-01T08:00:00Z")
                .message(lobby, "guest_" + s, "me! 🙋", "2022-04-01T08:00:05Z")
                .writeTo(legacyDir);

        JsonNode report = importLegacy("--json").json();

        assertThat(room(lobby)).get().satisfies(r -> {
            assertThat(r.isPrivate()).isFalse();
            assertThat(r.creator().value()).isEqualTo(alice);
            assertThat(r.createdAt()).isEqualTo(Instant.parse("2022-04-01T08:00:00Z"));
        });
        List<ChatMessage> messages = history(lobby);
        assertThat(messages).extracting(m -> m.text().value()).containsExactly("anyone here?", "me! 🙋");
        assertThat(messages.get(1).authorKey()).isEqualTo("guest:legacy-guest_" + s);
        String notes = file(report, "messages.json").path("notes").toString();
        assertThat(notes).contains("no entry in rooms.json and were created as public rooms", lobby);
        assertThat(notes).contains("without an account were kept under their names as guest messages", "guest_" + s);
    }

    @Test
    void with_unknown_rooms_skip_their_messages_are_skipped_and_reported() {
        String lobby = "Lobby " + s;
        new LegacyFixture().user(alice, "alice-pw").message(lobby, alice, "anyone here?", "2022-04-01T08:00:00Z")
                .writeTo(legacyDir);

        JsonNode report = importLegacy("--unknown-rooms=skip", "--json").json();

        assertThat(room(lobby)).isEmpty();
        assertThat(file(report, "messages.json").path("skips").get(0).path("reason").asText())
                .isEqualTo("room is in neither rooms.json nor the store");
    }

    @Test
    void records_that_break_todays_rules_are_skipped_with_their_reasons() {
        new LegacyFixture()
                .user("John Doe", "john-pw")
                .user("carol_" + s, null)
                .room(general, alice, null)
                .roomRecord("Hidden " + s, LegacyFixture.object().put("name", "Hidden " + s).put("isPrivate", true)
                        .putNull("password").put("creator", alice))
                .message(general, "John Doe", "spaces were fine then", "2022-03-01T10:00:00Z")
                .message(general, alice, "x".repeat(501), "2022-03-01T10:00:01Z")
                .message(general, alice, "when?", "yesterday-ish")
                .message("Hidden " + s, alice, "never made public", "2022-03-01T10:00:02Z")
                .message(general, alice, "fine", "2022-03-01T10:00:03Z")
                .writeTo(legacyDir);

        JsonNode report = importLegacy("--json").json();

        assertThat(file(report, "users.json").path("skips").findValuesAsText("reason"))
                .containsExactly("username breaks today's rules", "password is not a hex SHA-256");
        assertThat(file(report, "rooms.json").path("skips").findValuesAsText("reason"))
                .containsExactly("private room without a hex SHA-256 password");
        assertThat(file(report, "messages.json").path("skips").findValuesAsText("reason")).containsExactlyInAnyOrder(
                "author name breaks today's rules", "text breaks today's rules", "no readable timestamp",
                "its room was skipped (see rooms.json)");
        assertThat(room("Hidden " + s)).isEmpty();
        assertThat(history(general)).extracting(m -> m.text().value()).containsExactly("fine");
    }

    @Test
    void a_legacy_password_is_stored_strengthened_with_argon2id_and_replaced_by_plain_argon2id_at_the_first_login() {
        chat().writeTo(legacyDir);
        importLegacy();
        String imported = user(alice).orElseThrow().passwordHash();
        assertThat(imported).startsWith("$argon2id-sha256$").doesNotContain(LegacyFixture.sha256("alice-pw"));
        assertThat(Cli.run(storeEnv(), "users", "show", alice, "--json").json().path("passwordKind").asText())
                .isEqualTo("argon2id-sha256");

        assertThatThrownBy(() -> Store.core(storeEnv(), core -> core.logIn().logIn(new LogInCommand(alice, "wrong-pw"), "t")))
                .isInstanceOf(ChatException.Unauthorized.class);
        assertThat(user(alice).orElseThrow().passwordHash()).isEqualTo(imported);
        String token = Store.core(storeEnv(), core -> core.logIn().logIn(new LogInCommand(alice, "alice-pw"), "t").token());

        assertThat(token).isNotBlank();
        assertThat(user(alice).orElseThrow().passwordHash()).startsWith("$argon2id$");
        assertThat(logIn(alice, "alice-pw")).isNotBlank();
    }

    @Test
    void a_private_rooms_legacy_password_is_stored_strengthened_and_replaced_by_argon2id_on_the_first_successful_join() {
        chat().writeTo(legacyDir);
        importLegacy();
        Identity bob = Identity.registered(Username.of("bob_" + s));
        String imported = room(secret).orElseThrow().passwordHash();
        assertThat(imported).startsWith("$argon2id-sha256$").doesNotContain(LegacyFixture.sha256("room-pw"));

        assertThatThrownBy(() -> Store.core(storeEnv(), core -> core.checkRoomAccess().checkAccess(bob, secret, "wrong", "t")))
                .isInstanceOf(ChatException.Forbidden.class);
        assertThat(room(secret).orElseThrow().passwordHash()).isEqualTo(imported);
        Store.core(storeEnv(), core -> core.checkRoomAccess().checkAccess(bob, secret, "room-pw", "t"));

        assertThat(room(secret).orElseThrow().passwordHash()).startsWith("$argon2id$");
        Store.core(storeEnv(), core -> core.checkRoomAccess().checkAccess(bob, secret, "room-pw", "t"));
    }

    @Test
    void an_account_imported_before_imports_strengthened_hashes_still_logs_in_and_is_then_replaced_by_argon2id() {
        String legacy = "legacy-sha256$" + LegacyFixture.sha256("alice-pw");
        Store.ports(storeEnv(), p -> {
            p.users().create(new User(Username.of(alice), legacy, "", Instant.parse("2022-01-02T03:04:05Z")));
            return null;
        });

        assertThat(logIn(alice, "alice-pw")).isNotBlank();

        assertThat(user(alice).orElseThrow().passwordHash()).startsWith("$argon2id$");
        assertThat(logIn(alice, "alice-pw")).isNotBlank();
    }

    @Test
    void a_dry_run_and_a_second_run_leave_the_strengthened_hashes_as_they_are() {
        chat().writeTo(legacyDir);
        importLegacy("--dry-run");
        assertThat(user(alice)).isEmpty();
        importLegacy();
        String first = user(alice).orElseThrow().passwordHash();

        importLegacy();

        assertThat(user(alice).orElseThrow().passwordHash()).isEqualTo(first);
    }

    @Test
    void a_truncated_file_is_refused_naming_file_and_position_and_nothing_is_imported() throws IOException {
        chat().writeTo(legacyDir);
        Path messages = legacyDir.resolve("messages.json");
        String whole = Files.readString(messages, StandardCharsets.UTF_8);
        Files.writeString(messages, whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8);

        Run run = importLegacy();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsPattern("messages\\.json: malformed at line \\d+, column \\d+")
                .contains("nothing was imported");
        assertThat(user(alice)).isEmpty();
        assertThat(room(general)).isEmpty();
    }

    @Test
    void a_file_of_the_wrong_shape_is_refused_with_its_position_and_nothing_is_imported() throws IOException {
        chat().writeTo(legacyDir);
        Files.writeString(legacyDir.resolve("rooms.json"), """
                {
                  "lobby": {"name": "lobby"},
                  "broken": ["not", "an", "object"]
                }
                """, StandardCharsets.UTF_8);

        Run run = importLegacy();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("rooms.json: malformed at line 3, column 13",
                "the value of \"broken\" should be an object, found an array");
        assertThat(user(alice)).isEmpty();
    }

    @Test
    void a_folder_without_legacy_files_is_a_usage_error() {
        Run run = importLegacy();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("holds none of users.json, rooms.json, messages.json");
    }

    @Test
    void messages_with_ids_keep_them_as_temp_ids_so_a_file_that_grew_imports_only_the_new_ones() {
        String lobby = "Lobby " + s;
        LegacyFixture fixture = new LegacyFixture().user(alice, "alice-pw").room(lobby, alice, null)
                .messageRecord(lobby, LegacyFixture.object().put("id", "m-1").put("user", alice).put("text", "first")
                        .put("timestamp", 1_650_000_000_000L))
                .messageRecord(lobby, LegacyFixture.object().put("id", 2).put("user", alice).put("text", "second")
                        .put("timestamp", "1650000001000"));
        fixture.writeTo(legacyDir);
        importLegacy();
        fixture.messageRecord(lobby, LegacyFixture.object().put("id", 3).put("user", alice).put("text", "third")
                .put("timestamp", "Sat, 16 Apr 2022 05:20:02 GMT")).writeTo(legacyDir);

        JsonNode again = importLegacy("--json").json();

        assertThat(file(again, "messages.json").path("imported").asInt()).isEqualTo(1);
        List<ChatMessage> messages = history(lobby);
        assertThat(messages).extracting(m -> m.seq() + ":" + m.tempId().value() + ":" + m.text().value())
                .containsExactly("1:legacy-id-m-1:first", "2:legacy-id-2:second", "3:legacy-id-3:third");
        assertThat(messages).extracting(ChatMessage::timestamp).containsExactly(Instant.ofEpochMilli(1_650_000_000_000L),
                Instant.ofEpochMilli(1_650_000_001_000L), Instant.parse("2022-04-16T05:20:02Z"));
    }

    private String logIn(String name, String password) {
        return Store.core(storeEnv(), core -> core.logIn().logIn(new LogInCommand(name, password), "test").token());
    }

    private static JsonNode file(JsonNode report, String name) {
        for (JsonNode file : report.path("files")) {
            if (file.path("file").asText().equals(name)) {
                return file;
            }
        }
        throw new AssertionError("no " + name + " in " + report);
    }
}
