package io.chillin.chat.cli.net;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP to one server's REST API. */
public final class RestClient {

    private final ServerUrl server;
    private final Duration timeout;
    private final HttpClient http;

    public RestClient(ServerUrl server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A response: the status and the JSON body (a missing node when the body is empty). */
    public record Response(int status, JsonNode body) {
        public String errorCode() {
            return body.path("error").path("code").asText();
        }

        @Override
        public String toString() {
            return "HTTP " + status + (body.isMissingNode() ? "" : " " + body);
        }
    }

    public Response get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET());
    }

    public Response post(String path, JsonNode body, String token) throws IOException, InterruptedException {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body.toString())));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.http(path)).timeout(timeout);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : Frames.parse(response.body());
        return new Response(response.statusCode(), body);
    }
}
