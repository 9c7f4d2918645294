package io.chillin.chat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.cli.support.Cli;
import io.chillin.chat.cli.support.Cli.Run;
import io.chillin.chat.server.support.PostgresDatabase;
import io.chillin.chat.cli.support.Store;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code smoke} against real servers started here. */
class SmokeCliTest {

    @Test
    void passes_against_a_running_server_and_with_purge_leaves_nothing_behind() {
        try (TestServer server = TestServer.start(Map.of())) {
            Run run = Cli.run(server.env(), "smoke", "--url", server.url(), "--purge", "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            JsonNode report = run.json();
            assertThat(report.path("ok").asBoolean()).isTrue();
            assertThat(report.path("steps").findValuesAsText("status")).containsOnly("PASSED").hasSize(11);
            String user = report.path("user").asText();
            String room = report.path("room").asText();
            assertThat(Store.<java.util.Optional<?>>ports(server.env(), p -> p.users().find(Username.of(user)))).isEmpty();
            assertThat(Store.<java.util.Optional<?>>ports(server.env(), p -> p.rooms().find(RoomName.of(room)))).isEmpty();
        }
    }

    @Test
    void prints_each_step_and_without_purge_says_how_to_delete_what_it_left() {
        try (TestServer server = TestServer.start(Map.of())) {
            Run run = Cli.run(Map.of(), "smoke", "--url", server.url());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("ok   server is healthy", "ok   both connections receive it as confirmed",
                    "ok   history holds the message", "chillin users delete smoke-", "Smoke test passed.");
        }
    }

    @Test
    void passes_against_a_server_on_postgresql_and_purges_there() {
        try (PostgresDatabase database = PostgresDatabase.create();
             TestServer server = TestServer.start(database.env())) {
            Run run = Cli.run(database.env(), "smoke", "--url", server.url(), "--purge", "--json");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            String user = run.json().path("user").asText();
            assertThat(Store.<java.util.Optional<?>>ports(database.env(), p -> p.users().find(Username.of(user)))).isEmpty();
        }
    }

    @Test
    void fails_with_exit_code_1_when_no_server_answers() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Run run = Cli.run(Map.of(), "smoke", "--url", "http://127.0.0.1:" + port, "--timeout", "2s");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL server is healthy", "--   register throwaway user", "Smoke test FAILED.");
    }

    @Test
    void a_url_that_is_not_one_is_a_usage_error() {
        Run run = Cli.run(Map.of(), "smoke", "--url", "ftp://example");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("must start with http://");
    }
}
