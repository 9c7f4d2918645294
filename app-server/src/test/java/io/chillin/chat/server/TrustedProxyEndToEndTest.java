package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which address the per-address limits count: the test client connects from loopback, and plays a proxy
 * (when loopback is trusted) or a client that forges {@code X-Forwarded-For} (when it is not).
 */
class TrustedProxyEndToEndTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int ATTEMPTS = 3;

    /** Failed logins under fresh usernames (so only the address limit can bite), each with its own forwarding header. */
    private static List<Integer> failedLogins(TestServer server, List<String> forwardedFor) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (String header : forwardedFor) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + "/api/auth/login"))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            Http.json("username", TestServer.name("nobody"), "password", "wrong-pw").toString()));
            if (header != null) {
                request.header("X-Forwarded-For", header);
            }
            statuses.add(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        return statuses;
    }

    private static List<String> forged(String realClient, int count) {
        List<String> headers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String forgedEntry = "198.51.100." + i;
            headers.add(realClient == null ? forgedEntry : forgedEntry + ", " + realClient);
        }
        return headers;
    }

    @Test
    void behind_the_deprecated_trust_proxy_switch_a_forged_left_most_entry_does_not_escape_the_address_limit() throws Exception {
        try (TestServer server = TestServer.start("CHAT_RATE_LIMIT_EXEMPT", "", "CHAT_TRUST_PROXY", "true",
                "CHAT_AUTH_ATTEMPTS_PER_MINUTE", String.valueOf(ATTEMPTS))) {
            // The proxy on loopback appended the address it saw (203.0.113.7); the client wrote the rest.
            List<Integer> statuses = failedLogins(server, forged("203.0.113.7", ATTEMPTS + 1));

            assertThat(statuses.subList(0, ATTEMPTS)).containsOnly(401);
            assertThat(statuses.get(ATTEMPTS)).as("the real client's address ran out of attempts").isEqualTo(429);
        }
    }

    @Test
    void behind_a_trusted_proxy_each_real_client_has_its_own_budget() throws Exception {
        try (TestServer server = TestServer.start("CHAT_RATE_LIMIT_EXEMPT", "", "CHAT_TRUSTED_PROXIES", "127.0.0.1/32,10.0.0.0/8",
                "CHAT_AUTH_ATTEMPTS_PER_MINUTE", String.valueOf(ATTEMPTS))) {
            // Two proxies: the outer one (10.1.2.3, trusted) saw the client, the inner one on loopback saw the outer one.
            List<Integer> first = failedLogins(server, forged("203.0.113.7, 10.1.2.3", ATTEMPTS + 1));
            List<Integer> second = failedLogins(server, List.of("203.0.113.8, 10.1.2.3"));

            assertThat(first.get(ATTEMPTS)).as("the first client ran out of attempts").isEqualTo(429);
            assertThat(second).as("another client behind the same proxies did not").containsExactly(401);
        }
    }

    @Test
    void a_client_that_is_not_a_trusted_proxy_cannot_choose_its_address_with_the_header() throws Exception {
        try (TestServer server = TestServer.start("CHAT_RATE_LIMIT_EXEMPT", "", "CHAT_TRUSTED_PROXIES", "10.0.0.0/8",
                "CHAT_AUTH_ATTEMPTS_PER_MINUTE", String.valueOf(ATTEMPTS))) {
            List<Integer> statuses = failedLogins(server, forged(null, ATTEMPTS + 1));

            assertThat(statuses.get(ATTEMPTS)).isEqualTo(429);
        }
    }

    @Test
    void without_a_trusted_proxy_setting_the_header_is_ignored() throws Exception {
        try (TestServer server = TestServer.start("CHAT_RATE_LIMIT_EXEMPT", "", "CHAT_AUTH_ATTEMPTS_PER_MINUTE", String.valueOf(ATTEMPTS))) {
            List<Integer> statuses = failedLogins(server, forged("203.0.113.9", ATTEMPTS + 1));

            assertThat(statuses.get(ATTEMPTS)).isEqualTo(429);
        }
    }

    @Test
    void a_malformed_entry_stops_the_walk_at_the_last_trusted_hop() throws Exception {
        try (TestServer server = TestServer.start("CHAT_RATE_LIMIT_EXEMPT", "", "CHAT_TRUSTED_PROXIES", "127.0.0.1/32",
                "CHAT_AUTH_ATTEMPTS_PER_MINUTE", String.valueOf(ATTEMPTS))) {
            List<String> headers = new ArrayList<>();
            for (int i = 1; i <= ATTEMPTS + 1; i++) {
                headers.add("198.51.100." + i + ", not-an-address" + i);
            }
            List<Integer> statuses = failedLogins(server, headers);

            assertThat(statuses.subList(0, ATTEMPTS)).as("never a 500").containsOnly(401);
            assertThat(statuses.get(ATTEMPTS)).as("counted against the proxy that passed the garbage on").isEqualTo(429);
        }
    }
}
