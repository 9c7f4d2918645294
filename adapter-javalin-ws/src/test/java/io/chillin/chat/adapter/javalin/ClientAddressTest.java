package io.chillin.chat.adapter.javalin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ctx.ip()} on a real Jetty, as {@link TrustedProxies#install} makes it: the same rule for a REST call
 * and for a WebSocket upgrade, which is where the edge reads a client's address.
 */
class ClientAddressTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A server whose one route answers with ctx.ip(), and whose /ws upgrade reports it. */
    private static final class Echo implements AutoCloseable {
        final CompletableFuture<String> upgradeAddress = new CompletableFuture<>();
        final Javalin app;

        Echo(TrustedProxies proxies) {
            app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                proxies.install(cfg);
                cfg.routes.get("/ip", ctx -> ctx.result(ctx.ip()));
                cfg.routes.wsBeforeUpgrade("/ws", ctx -> upgradeAddress.complete(ctx.ip()));
                cfg.routes.ws("/ws", ws -> { });
            }).start("127.0.0.1", 0);
        }

        String rest(String forwardedFor) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/ip"))
                    .header("X-Forwarded-For", forwardedFor).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }

        String upgrade(String forwardedFor) throws Exception {
            WebSocket socket = HTTP.newWebSocketBuilder().header("X-Forwarded-For", forwardedFor)
                    .buildAsync(URI.create("ws://127.0.0.1:" + app.port() + "/ws"), new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS);
            socket.abort();
            return upgradeAddress.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            app.stop();
        }
    }

    @Test
    void behind_a_trusted_proxy_rest_and_websocket_upgrades_see_the_client_the_proxy_saw() throws Exception {
        try (Echo echo = new Echo(TrustedProxies.parse("127.0.0.1/32"))) {
            assertThat(echo.rest("6.6.6.6, 203.0.113.7")).isEqualTo("203.0.113.7");
            assertThat(echo.upgrade("6.6.6.6, 203.0.113.7")).isEqualTo("203.0.113.7");
        }
    }

    @Test
    void with_no_trusted_proxy_rest_and_websocket_upgrades_see_the_peer() throws Exception {
        try (Echo echo = new Echo(TrustedProxies.none())) {
            assertThat(echo.rest("203.0.113.7")).isEqualTo("127.0.0.1");
            assertThat(echo.upgrade("203.0.113.7")).isEqualTo("127.0.0.1");
        }
    }
}
