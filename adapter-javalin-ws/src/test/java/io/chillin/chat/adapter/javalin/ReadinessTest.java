package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chillin.chat.application.ChatSettings;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code /health/ready} names the backend that failed, and keeps what it said for the server's log. */
class ReadinessTest {

    private static HealthProbe probe(String role, String kind, Exception failure) {
        return HealthProbe.of(role, kind, () -> {
            if (failure != null) {
                throw failure;
            }
        });
    }

    @Test
    void a_failing_backend_is_named_in_fixed_words_and_its_exception_text_is_not_sent() {
        List<HealthProbe> probes = List.of(
                probe("database", "postgresql", null),
                probe("bus", "redis", new IllegalStateException(
                        "io.lettuce.core.RedisConnectionException: Unable to connect to redis.internal/10.1.2.3:6379")),
                probe("blobs", "s3", new RuntimeException((String) null)));
        try (EdgeHarness edge = EdgeHarness.start(EdgeConfig.defaults(Set.of()), ChatSettings.DEFAULT, probes)) {
            HttpResponse<String> response = edge.get("/health/ready");

            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode body = EdgeHarness.parse(response.body());
            assertThat(body.path("status").asText()).isEqualTo("unavailable");
            assertThat(body.path("backends").path("database").path("status").asText()).isEqualTo("up");
            assertThat(body.path("backends").path("database").has("error")).isFalse();
            for (String role : List.of("bus", "blobs")) {
                JsonNode backend = body.path("backends").path(role);
                assertThat(backend.path("status").asText()).as(role).isEqualTo("down");
                assertThat(backend.path("error").asText()).as(role).isEqualTo("did not answer (see the server log)");
            }
            assertThat(response.body()).doesNotContain("lettuce", "Exception", "10.1.2.3", "redis.internal", "6379", "null");
        }
    }
}
