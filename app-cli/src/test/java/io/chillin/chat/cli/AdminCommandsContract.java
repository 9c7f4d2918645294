package io.chillin.chat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.application.port.in.LogInCommand;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.cli.support.Cli;
import io.chillin.chat.cli.support.Cli.Run;
import io.chillin.chat.cli.support.Names;
import io.chillin.chat.cli.support.Store;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code rooms ...} and {@code users ...} run through picocli on a store configured as the server's, checked
 * through the server's own wiring. Each store (embedded, PostgreSQL) runs all of it.
 */
abstract class AdminCommandsContract {

    private static final String PASSWORD = "correct horse";

    /** The server settings that point at this test's store. */
    protected abstract Map<String, String> storeEnv();

    private Run cli(String... args) {
        return Cli.run(storeEnv(), args);
    }

    private Map<String, String> env(String... extra) {
        Map<String, String> env = new HashMap<>(storeEnv());
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    private String createUser() {
        String name = Names.unique("user_");
        Run created = cli("users", "create", name, "--email", name + "@example.com", "--password=" + PASSWORD);
        assertThat(created.exitCode()).as(created.toString()).isZero();
        return name;
    }

    private String logIn(String name, String password) {
        return Store.core(storeEnv(), core -> core.logIn().logIn(new LogInCommand(name, password), "test").token());
    }

    @Test
    void users_create_stores_an_argon2id_hash_that_logs_in_like_a_registered_user() {
        String name = createUser();

        assertThat(logIn(name.toUpperCase(), PASSWORD)).isNotBlank();
        String hash = Store.ports(storeEnv(), p -> p.users().find(Username.of(name)).orElseThrow().passwordHash());
        assertThat(hash).startsWith("$argon2id$");
    }

    @Test
    void users_list_and_show_print_the_user_and_never_a_hash() {
        String name = createUser();

        Run list = cli("users", "list");
        Run show = cli("users", "show", name.toUpperCase(), "--json");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("USERNAME", name, name + "@example.com", "argon2id").doesNotContain("$argon2id$");
        assertThat(show.json().path("username").asText()).isEqualTo(name);
        assertThat(show.json().path("passwordKind").asText()).isEqualTo("argon2id");
        assertThat(show.out()).doesNotContain("$argon2id$");
    }

    @Test
    void users_list_as_json_is_an_array_of_users() {
        String name = createUser();

        JsonNode users = cli("users", "list", "--json").json();

        assertThat(users.isArray()).isTrue();
        assertThat(users.findValuesAsText("username")).contains(name);
    }

    @Test
    void users_create_refuses_what_registration_refuses_with_exit_code_2() {
        Run badName = cli("users", "create", "no spaces allowed", "--password=" + PASSWORD);
        Run shortPassword = cli("users", "create", Names.unique("u_"), "--password=12345");
        Run badEmail = cli("users", "create", Names.unique("u_"), "--email", "not-an-address", "--password=" + PASSWORD);

        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("invalid username");
        assertThat(shortPassword.exitCode()).isEqualTo(2);
        assertThat(shortPassword.err()).contains("password must be at least 6 characters");
        assertThat(badEmail.exitCode()).isEqualTo(2);
        assertThat(badEmail.err()).contains("invalid email");
    }

    @Test
    void users_create_follows_the_servers_configured_password_length() {
        Run refused = Cli.run(env("CHAT_PASSWORD_MIN_LENGTH", "20"), "users", "create", Names.unique("u_"),
                "--password=" + PASSWORD);

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("at least 20 characters");
    }

    @Test
    void users_create_refuses_a_name_taken_in_another_case_with_exit_code_1() {
        String name = createUser();

        Run again = cli("users", "create", name.toUpperCase(), "--password=" + PASSWORD);

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already taken", "CONFLICT");
    }

    @Test
    void users_and_rooms_create_refuse_a_look_alike_of_a_taken_name_with_exit_code_1() {
        String digits = Names.digits();
        String cyrillicScope = "\u0455\u0441\u043e\u0440\u0435";
        cli("users", "create", "scope" + digits, "--password=" + PASSWORD);
        cli("rooms", "create", "scope room " + digits);

        Run user = cli("users", "create", cyrillicScope + digits, "--password=" + PASSWORD);
        Run room = cli("rooms", "create", "SC0PE ROOM " + digits);

        assertThat(user.exitCode()).as(user.toString()).isEqualTo(1);
        assertThat(user.err()).contains("CONFLICT", "looks like 'scope" + digits + "'");
        assertThat(room.exitCode()).as(room.toString()).isEqualTo(1);
        assertThat(room.err()).contains("CONFLICT", "looks like the existing room 'scope room " + digits + "'");
    }

    @Test
    void users_create_reads_the_password_from_standard_input() {
        String name = Names.unique("u_");

        Run created = Cli.runWithInput(storeEnv(), "from stdin pw\n", "users", "create", name, "--password-stdin");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(logIn(name, "from stdin pw")).isNotBlank();
    }

    @Test
    void users_create_without_a_password_is_a_usage_error() {
        Run run = cli("users", "create", Names.unique("u_"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a password is needed");
    }

    @Test
    void users_reset_password_replaces_the_password_and_ends_every_session() {
        String name = createUser();
        String token = logIn(name, PASSWORD);

        Run reset = cli("users", "reset-password", name, "--password=brand new pw");

        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThatThrownBy(() -> Store.core(storeEnv(), core -> core.authenticate().authenticate(token)))
                .isInstanceOf(ChatException.Unauthorized.class);
        assertThatThrownBy(() -> logIn(name, PASSWORD)).isInstanceOf(ChatException.Unauthorized.class);
        assertThat(logIn(name, "brand new pw")).isNotBlank();
    }

    private boolean isAdmin(String name) {
        Boolean admin = Store.core(storeEnv(), core -> core.admin().isAdmin(name));
        return admin;
    }

    @Test
    void users_grant_admin_and_revoke_admin_give_and_take_the_role_and_show_it() {
        String name = createUser();
        assertThat(isAdmin(name)).isFalse();

        Run granted = cli("users", "grant-admin", name.toUpperCase(java.util.Locale.ROOT));
        assertThat(granted.exitCode()).as(granted.toString()).isZero();
        assertThat(granted.out()).containsPattern("admin\\s+yes");
        assertThat(isAdmin(name)).isTrue();
        assertThat(cli("users", "list").out()).containsPattern(name + ".*yes");

        Run revoked = cli("users", "revoke-admin", name);
        assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
        assertThat(isAdmin(name)).isFalse();
        assertThat(cli("users", "grant-admin", Names.unique("nobody_")).exitCode()).isEqualTo(1);
    }

    @Test
    void users_logout_all_ends_every_session_of_the_user_only() {
        String name = createUser();
        String other = createUser();
        String first = logIn(name, PASSWORD);
        String second = logIn(name, PASSWORD);
        String others = logIn(other, PASSWORD);

        Run run = cli("users", "logout-all", name);

        assertThat(run.exitCode()).isZero();
        for (String token : new String[] {first, second}) {
            assertThatThrownBy(() -> Store.core(storeEnv(), core -> core.authenticate().authenticate(token)))
                    .isInstanceOf(ChatException.Unauthorized.class);
        }
        Identity stillIn = Store.core(storeEnv(), core -> core.authenticate().authenticate(others));
        assertThat(stillIn).isEqualTo(Identity.registered(Username.of(other)));
    }

    @Test
    void users_delete_needs_yes_then_deletes_the_user_and_its_sessions() {
        String name = createUser();
        String token = logIn(name, PASSWORD);

        Run unconfirmed = cli("users", "delete", name);
        Run deleted = cli("users", "delete", name, "--yes");

        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("--yes");
        assertThat(deleted.exitCode()).isZero();
        assertThat(Store.<java.util.Optional<?>>ports(storeEnv(), p -> p.users().find(Username.of(name)))).isEmpty();
        assertThatThrownBy(() -> Store.core(storeEnv(), core -> core.authenticate().authenticate(token)))
                .isInstanceOf(ChatException.Unauthorized.class);
    }

    @Test
    void users_commands_on_an_unknown_user_fail_with_exit_code_1() {
        String nobody = Names.unique("nobody_");

        for (String[] args : new String[][] {{"users", "show", nobody}, {"users", "logout-all", nobody},
                {"users", "delete", nobody, "--yes"}, {"users", "reset-password", nobody, "--password=whatever1"}}) {
            Run run = cli(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.err()).contains("no user named", "NOT_FOUND");
        }
    }

    @Test
    void rooms_create_makes_public_and_private_rooms_and_list_shows_them_without_hashes() {
        String open = Names.unique("Open room ");
        String closed = Names.unique("Closed 🔒 ");

        Run a = cli("rooms", "create", open, "--description", "for everyone");
        Run b = cli("rooms", "create", closed, "--password=" + PASSWORD, "--creator", "alice");
        Run list = cli("rooms", "list");
        JsonNode json = cli("rooms", "list", "--json").json();

        assertThat(a.exitCode()).as(a.toString()).isZero();
        assertThat(b.exitCode()).as(b.toString()).isZero();
        assertThat(list.out()).contains(open, closed, "for everyone").doesNotContain("$argon2id$");
        JsonNode room = findByName(json, closed);
        assertThat(room.path("isPrivate").asBoolean()).isTrue();
        assertThat(room.path("creator").asText()).isEqualTo("alice");
        assertThat(json.toString()).doesNotContain("$argon2id$");
        assertThat(findByName(json, open).path("isPrivate").asBoolean()).isFalse();
    }

    @Test
    void rooms_create_refuses_what_the_server_refuses() {
        Run longName = cli("rooms", "create", "x".repeat(31));
        Run shortPassword = cli("rooms", "create", Names.unique("r "), "--password=123");
        Run badCreator = cli("rooms", "create", Names.unique("r "), "--creator", "not valid!");
        String name = Names.unique("Taken ");
        cli("rooms", "create", name);
        Run taken = cli("rooms", "create", name.toUpperCase());

        assertThat(longName.exitCode()).isEqualTo(2);
        assertThat(longName.err()).contains("room name must be 1 to 30 characters");
        assertThat(shortPassword.exitCode()).isEqualTo(2);
        assertThat(badCreator.exitCode()).isEqualTo(2);
        assertThat(badCreator.err()).contains("invalid creator");
        assertThat(taken.exitCode()).isEqualTo(1);
        assertThat(taken.err()).contains("already exists");
    }

    @Test
    void rooms_show_prints_the_room_and_its_latest_messages() {
        String name = Names.unique("Chatty ");
        cli("rooms", "create", name);
        Store.ports(storeEnv(), p -> {
            for (int i = 1; i <= 3; i++) {
                p.messages().append(new NewMessage(RoomName.of(name), Username.of("alice"), "user:alice", TempId.of("t" + i),
                        MessageText.of("hello " + i + " 👋"), Instant.now()));
            }
            return null;
        });

        Run show = cli("rooms", "show", name, "--messages", "2");
        JsonNode json = cli("rooms", "show", name.toLowerCase(), "--messages", "2", "--json").json();

        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains(name, "hello 2 👋", "hello 3 👋").doesNotContain("hello 1");
        assertThat(json.path("room").path("messages").asLong()).isEqualTo(3);
        assertThat(json.path("latestMessages").findValuesAsText("text")).containsExactly("hello 2 👋", "hello 3 👋");
    }

    @Test
    void rooms_set_password_makes_a_room_private_and_public_again() {
        String name = Names.unique("Lockable ");
        cli("rooms", "create", name);
        Identity someone = Identity.registered(Username.of("someone"));

        Run locked = cli("rooms", "set-password", name, "--password=" + PASSWORD);
        assertThat(locked.exitCode()).as(locked.toString()).isZero();
        assertThatThrownBy(() -> Store.core(storeEnv(), core -> core.checkRoomAccess().checkAccess(someone, name, "wrong pw", "t")))
                .isInstanceOf(ChatException.Forbidden.class);
        assertThat(Store.core(storeEnv(), core -> core.checkRoomAccess().checkAccess(someone, name, PASSWORD, "t")).isPrivate()).isTrue();

        Run opened = cli("rooms", "set-password", name, "--public");
        assertThat(opened.exitCode()).isZero();
        assertThat(Store.core(storeEnv(), core -> core.checkRoomAccess().checkAccess(someone, name, null, "t")).isPrivate()).isFalse();
    }

    @Test
    void rooms_set_password_needs_exactly_one_of_a_password_and_public() {
        String name = Names.unique("Either ");
        cli("rooms", "create", name);

        assertThat(cli("rooms", "set-password", name).exitCode()).isEqualTo(2);
        assertThat(cli("rooms", "set-password", name, "--public", "--password=" + PASSWORD).exitCode()).isEqualTo(2);
    }

    @Test
    void rooms_delete_needs_yes_then_removes_the_room_and_its_history() {
        String name = Names.unique("Doomed ");
        cli("rooms", "create", name);
        Store.ports(storeEnv(), p -> p.messages().append(new NewMessage(RoomName.of(name), Username.of("bob"), "user:bob",
                TempId.of("t1"), MessageText.of("bye"), Instant.now())));

        Run unconfirmed = cli("rooms", "delete", name);
        Run deleted = cli("rooms", "delete", name, "--yes");
        Run again = cli("rooms", "delete", name, "--yes");

        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.out()).contains("1 message(s)");
        assertThat(Store.<java.util.Optional<?>>ports(storeEnv(), p -> p.rooms().find(RoomName.of(name)))).isEmpty();
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("no room named");
    }

    private static JsonNode findByName(JsonNode array, String name) {
        for (JsonNode node : array) {
            if (node.path("name").asText().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }
}
