package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The avatar route: SVG that browsers must not sniff, and a JSON error for a name that is not one. */
class AvatarRouteTest {

    @Test
    void avatar_route_serves_svg_that_browsers_must_not_sniff() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            HttpResponse<String> response = edge.get("/api/users/Mary-Jane/avatar");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("image/svg+xml"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.body()).startsWith("<svg").contains(">MJ<");
        }
    }

    @Test
    void avatar_route_refuses_a_name_carrying_markup_with_a_json_error() {
        try (EdgeHarness edge = EdgeHarness.startWithDefaults()) {
            HttpResponse<String> response = edge.get("/api/users/%3Cimg%20src=x%20onerror=alert(1)%3E/avatar");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).doesNotContain("<img").doesNotContain("<svg");
            assertThat(EdgeHarness.parse(response.body()).path("error").path("code").asText()).isEqualTo("VALIDATION");
        }
    }
}
