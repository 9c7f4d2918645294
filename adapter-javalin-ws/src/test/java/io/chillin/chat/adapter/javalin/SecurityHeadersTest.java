package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.ChatSettings;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What browsers are told they may do with each response: nothing at all for the API, own origin for the client. */
class SecurityHeadersTest {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Test
    void api_responses_success_or_error_allow_no_content_and_no_sniffing() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            List<HttpResponse<String>> responses = List.of(
                    edge.get("/api/rooms"),
                    edge.get("/api/users/Mary-Jane/avatar"),
                    edge.get("/api/users/%3Cimg%20src=x%3E/avatar"),
                    edge.get("/api/me"),
                    edge.get("/api/no-such-route"),
                    edge.post("/api/auth/guest", null, "{not json"),
                    edge.get("/health"));

            for (HttpResponse<String> response : responses) {
                String what = response.uri().getPath() + " -> " + response.statusCode();
                assertThat(response.headers().firstValue("Content-Security-Policy")).as(what).hasValue(API_POLICY);
                assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            }
        }
    }

    @Test
    void the_web_client_policy_lets_it_connect_to_its_own_origin_only() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            String policy = edge.get("/").headers().firstValue("Content-Security-Policy").orElseThrow();

            assertThat(policy).contains("connect-src 'self';").doesNotContain("ws:", "wss:");
        }
    }

    @Test
    void strict_transport_security_only_when_the_deployment_says_it_is_behind_tls() {
        try (EdgeHarness plain = EdgeHarness.startWithDefaults()) {
            assertThat(plain.get("/").headers().firstValue("Strict-Transport-Security")).isEmpty();
            assertThat(plain.get("/api/rooms").headers().firstValue("Strict-Transport-Security")).isEmpty();
        }
        try (EdgeHarness tls = EdgeHarness.start(EdgeConfig.defaults(Set.of()).withStrictTransport(true), ChatSettings.DEFAULT)) {
            for (String path : List.of("/", "/api/rooms", "/api/no-such-route", "/health/ready")) {
                assertThat(tls.get(path).headers().firstValue("Strict-Transport-Security")).as(path).hasValue("max-age=31536000");
            }
        }
    }
}
