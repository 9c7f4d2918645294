package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.TestServer;
import io.chillin.chat.server.support.WsClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caps and rates of docs/PROTOCOL.md, through the real edge: 429 with Retry-After, and the exemption. */
class UsageLimitsEndToEndTest {

    @Test
    void an_address_past_its_connection_cap_is_refused_at_the_upgrade_until_one_closes() {
        try (TestServer server = TestServer.start("CHAT_RATE_LIMIT_EXEMPT", "", "CHAT_CONNECTIONS_PER_ADDRESS", "3")) {
            List<WsClient> open = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    open.add(WsClient.connect(server.port()));
                }
                WsClient.UpgradeRefused refused = catchThrowableOfType(WsClient.UpgradeRefused.class,
                        () -> WsClient.connect(server.port()));
                assertThat(refused).as("the fourth upgrade is refused").isNotNull();
                assertThat(refused.status).isEqualTo(429);

                open.remove(0).close();
                WsClient again = awaitConnect(server);
                open.add(again);
                again.send("type", "ping", "ref", "p");
                assertThat(again.next("pong").path("ref").asText()).isEqualTo("p");
            } finally {
                open.forEach(WsClient::close);
            }
        }
    }

    @Test
    void guest_tokens_per_address_end_in_429_with_retry_after_and_an_exempt_address_is_spared() {
        try (TestServer limited = TestServer.start("CHAT_RATE_LIMIT_EXEMPT", "", "CHAT_GUESTS_PER_ADDRESS_PER_HOUR", "2");
             TestServer exempt = TestServer.start("CHAT_GUESTS_PER_ADDRESS_PER_HOUR", "2")) {
            for (int i = 0; i < 2; i++) {
                assertThat(guest(limited).status()).isEqualTo(200);
            }
            Http.Response refused = guest(limited);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.errorCode()).isEqualTo("RATE_LIMITED");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();

            for (int i = 0; i < 5; i++) {
                assertThat(guest(exempt).status()).as("127.0.0.0/8 is exempt on this server").isEqualTo(200);
            }
        }
    }

    private static Http.Response guest(TestServer server) {
        return server.http().post("/api/auth/guest", Http.json("name", TestServer.name("g")));
    }

    /** The server counts a closed socket once its close is through: retry the upgrade for a moment. */
    private static WsClient awaitConnect(TestServer server) {
        long deadline = System.nanoTime() + WsClient.WAIT.toNanos();
        while (true) {
            try {
                return WsClient.connect(server.port());
            } catch (WsClient.UpgradeRefused stillCounted) {
                if (System.nanoTime() > deadline) {
                    throw stillCounted;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw stillCounted;
                }
            }
        }
    }
}
