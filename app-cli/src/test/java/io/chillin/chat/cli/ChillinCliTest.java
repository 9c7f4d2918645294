package io.chillin.chat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.cli.support.Cli;
import io.chillin.chat.cli.support.Cli.Run;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The picocli manners: help everywhere, version, exit codes, completion, no colour off a terminal. */
class ChillinCliTest {

    @TempDir
    Path dataDir;

    private Run cli(String... args) {
        return Cli.run(Map.of("CHAT_DATA_DIR", dataDir.toString()), args);
    }

    @Test
    void help_lists_every_command_and_exits_0() {
        Run help = cli("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: chillin", "rooms", "users", "import", "smoke", "bench", "Exit codes")
                .doesNotContain("\u001B[");
    }

    @Test
    void every_command_has_help() {
        String[][] commands = {{"rooms"}, {"rooms", "list"}, {"rooms", "show"}, {"rooms", "create"}, {"rooms", "delete"},
                {"rooms", "set-password"}, {"users"}, {"users", "list"}, {"users", "show"}, {"users", "create"},
                {"users", "delete"}, {"users", "reset-password"}, {"users", "logout-all"}, {"import", "legacy"}, {"smoke"},
                {"bench", "connect"}, {"bench", "fanout"}, {"bench", "cross"}};
        for (String[] command : commands) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            Run help = cli(args);
            assertThat(help.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(help.out()).as(String.join(" ", args)).contains("Usage: chillin " + String.join(" ", command));
        }
    }

    @Test
    void version_names_the_build_and_the_java() {
        Run version = cli("--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).containsPattern("chillin \\d+\\.\\d+\\.\\d+").contains("Java ");
    }

    @Test
    void usage_errors_exit_with_2_and_say_what_is_wrong() {
        Run unknown = cli("frobnicate");
        Run missing = cli("rooms");
        Run badOption = cli("rooms", "list", "--colour");
        Run badNumber = cli("bench", "connect", "--url", "http://127.0.0.1:9", "--connections", "lots");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required subcommand");
        assertThat(badOption.exitCode()).isEqualTo(2);
        assertThat(badNumber.exitCode()).isEqualTo(2);
    }

    @Test
    void a_configuration_the_server_would_refuse_is_a_usage_error_naming_the_variable() {
        Run run = Cli.run(Map.of("DB_PORT", "5432"), "users", "list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("configuration: DB_PORT is set but DB_HOST is not");
    }

    @Test
    void an_unreachable_database_is_a_failure_with_exit_code_1() {
        Run run = Cli.run(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", "9"), "rooms", "list");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot connect to the database", "UNAVAILABLE");
    }

    @Test
    void generates_a_bash_completion_script() {
        Run completion = cli("generate-completion");

        assertThat(completion.exitCode()).isZero();
        assertThat(completion.out()).contains("complete -F", "_picocli_chillin", "set-password", "logout-all");
    }

    @Test
    void lists_are_friendly_when_empty() {
        assertThat(cli("rooms", "list").out()).isEqualTo("No rooms." + System.lineSeparator());
        assertThat(cli("users", "list", "--json").out().strip()).isEqualTo("[ ]");
    }
}
