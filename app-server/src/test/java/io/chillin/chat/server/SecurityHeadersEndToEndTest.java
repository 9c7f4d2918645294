package io.chillin.chat.server;

import static io.chillin.chat.server.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.server.support.Http.Response;
import io.chillin.chat.server.support.ServerPerClass;
import io.chillin.chat.server.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The headers that tell browsers what a response may do: strict for the API, own origin only for the web client. */
class SecurityHeadersEndToEndTest {

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    @Test
    void every_api_response_forbids_all_content_and_sniffing() {
        String token = SERVER.http().register(TestServer.name("hdr"));
        List<Response> responses = List.of(
                SERVER.http().get("/api/rooms"),
                SERVER.http().get("/api/me", token),
                SERVER.http().get("/api/users/alice_b/avatar"),
                SERVER.http().get("/api/users/%3Cscript%3E/avatar"),
                SERVER.http().get("/api/me"),
                SERVER.http().post("/api/auth/login", "{not json"),
                SERVER.http().post("/api/auth/guest", json("name", "x")),
                SERVER.http().get("/api/nothing-here"));

        for (Response response : responses) {
            String what = response.raw().request().method() + " " + response.raw().uri().getPath() + " -> " + response.status();
            assertThat(response.header("Content-Security-Policy")).as(what).isEqualTo(API_POLICY);
            assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        }
    }

    @Test
    void the_web_client_may_connect_to_its_own_origin_only() {
        Response page = SERVER.http().get("/");

        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("connect-src 'self';").doesNotContain("ws:").doesNotContain("wss:");
        assertThat(policy).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'");
    }

    @Test
    void strict_transport_security_is_sent_only_when_configured() {
        assertThat(SERVER.http().get("/api/rooms").header("Strict-Transport-Security")).isNull();
        assertThat(SERVER.http().get("/").header("Strict-Transport-Security")).isNull();

        try (TestServer behindTls = TestServer.start("CHAT_HSTS", "true")) {
            for (String path : List.of("/", "/api/rooms", "/health")) {
                assertThat(behindTls.http().get(path).header("Strict-Transport-Security")).as(path)
                        .isEqualTo("max-age=31536000");
            }
        }
    }
}
