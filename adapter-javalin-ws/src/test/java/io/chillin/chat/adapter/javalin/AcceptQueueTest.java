package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The server listens on its own connector with a deep accept queue: with Java's default of 50, a burst of connects
 * (clients reconnecting at once after a deploy) had its SYNs dropped, and each retried a second or more later
 * (measured: connect p99 10 s at 200 concurrent connects; see docs/benchmarks.md, figure 3). What the kernel grants
 * (at most net.core.somaxconn) is visible only outside the JVM ({@code ss -ltn}): this checks what is asked for.
 */
class AcceptQueueTest {

    @Test
    void the_connector_asks_the_kernel_for_a_deep_accept_queue_and_serves_on_its_port() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            assertThat(edge.server().acceptQueueSize()).isEqualTo(ChatHttpServer.ACCEPT_QUEUE).isGreaterThan(50);
            assertThat(edge.get("/health").statusCode()).isEqualTo(200);
        }
    }
}
