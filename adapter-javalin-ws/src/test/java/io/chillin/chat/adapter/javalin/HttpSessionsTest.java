package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.adapter.javalin.EdgeHarness.Client;
import io.chillin.chat.application.contract.TestNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A WebSocket upgrade leaves no HTTP session behind: Jetty used to keep one per socket on the heap. */
class HttpSessionsTest {

    @Test
    void sockets_opened_and_joined_leave_no_http_session_in_memory() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            List<Client> clients = new ArrayList<>();
            String room = TestNames.unique("sessions ");
            for (int i = 0; i < 30; i++) {
                Client c = edge.connect();
                c.join(room, TestNames.unique("s_"));
                clients.add(c);
            }
            assertThat(edge.server().openConnections()).isEqualTo(30);

            assertThat(EdgeHarness.eventually(() -> edge.server().httpSessionsHeld() == 0, Duration.ofSeconds(5)))
                    .as("HTTP sessions held with 30 sockets open: %d", edge.server().httpSessionsHeld()).isTrue();
        }
    }
}
