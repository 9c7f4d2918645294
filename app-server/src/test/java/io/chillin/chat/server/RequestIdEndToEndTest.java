package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.server.support.Http;
import io.chillin.chat.server.support.ServerPerClass;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every answer carries the X-Request-Id its log lines carry: made by the server, new for each request. */
class RequestIdEndToEndTest {

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    @Test
    void every_answer_has_a_request_id_of_its_own_even_one_refused_before_routing() {
        Http http = SERVER.http();
        List<Http.Response> answers = List.of(http.get("/health"), http.get("/api/rooms"), http.get("/api/nothing-here"),
                http.post("/api/auth/login", "{not json"), http.get("/%FF%FE"));

        assertThat(answers).extracting(Http.Response::status).containsExactly(200, 200, 404, 400, 400);
        Set<String> ids = new HashSet<>();
        for (Http.Response answer : answers) {
            assertThat(answer.header("X-Request-Id")).as(answer.raw().uri().toString()).matches("[0-9a-f]{16}");
            ids.add(answer.header("X-Request-Id"));
        }
        assertThat(ids).hasSize(answers.size());
    }

    @Test
    void a_request_jetty_refuses_before_any_route_gets_an_id_too() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + SERVER.port() + "/api/rooms?token=x"))
                .header("X-Padding", "x".repeat(20_000)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("MALFORMED");
        assertThat(answer.headers().firstValue("X-Request-Id")).get().asString().matches("[0-9a-f]{16}");
    }

    @Test
    void a_request_id_sent_by_the_client_is_not_taken() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + SERVER.port() + "/health")).header("X-Request-Id", "mine").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.headers().allValues("X-Request-Id")).singleElement().asString().matches("[0-9a-f]{16}");
    }
}
