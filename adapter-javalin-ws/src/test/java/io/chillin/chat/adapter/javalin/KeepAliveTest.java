package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.contract.TestNames;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A client that says nothing for a long time is not dropped: the server pings it (every WebSocket client answers a
 * ping by itself) well within the idle timeout. Jetty's default idle timeout used to equal the ping interval, and
 * silent clients were closed in a race with their next ping.
 */
class KeepAliveTest {

    @Test
    void a_silent_client_outlives_several_idle_timeouts_and_still_answers() throws Exception {
        EdgeConfig config = EdgeConfig.defaults(Set.of()).withKeepAlive(Duration.ofMillis(200));
        try (EdgeHarness edge = EdgeHarness.start(config, ChatSettings.DEFAULT)) {
            EdgeHarness.Client quiet = edge.connect();
            quiet.join(TestNames.unique("quiet "), TestNames.unique("q_"));

            Thread.sleep(config.idleTimeout().multipliedBy(4).toMillis());

            assertThat(quiet.isClosed()).as("still open after four idle timeouts of silence").isFalse();
            quiet.assertAnswersPing("still-here");
            assertThat(edge.server().openConnections()).isEqualTo(1);
        }
    }
}
