package io.chillin.chat.server.fuzz;

import io.chillin.chat.server.fuzz.RequestGenerator.Request;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends generated REST requests from a few workers at once and checks every answer. Headers that ask for a token get
 * one of the fuzzer's own: given at the start, or handed out by a login, a registration or a guest entry on the way.
 */
final class RestFuzzer {

    private static final int TOKENS_KEPT = 32;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final RequestGenerator generator;
    private final Tally tally;
    private final RequestCheck check;
    private final List<String> tokens;
    private final AtomicLong handedOut = new AtomicLong();

    RestFuzzer(int port, RequestGenerator generator, Tally tally, Ledger ledger, List<String> tokens) {
        this.base = "http://127.0.0.1:" + port;
        this.generator = generator;
        this.tally = tally;
        this.tokens = new CopyOnWriteArrayList<>(tokens);
        this.check = new RequestCheck(tally, ledger, this::keep);
    }

    /** Sends requests number {@code 0..count-1}, {@code workers} at a time, and waits for every answer. */
    void run(long count, int workers) {
        AtomicLong next = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(Thread.ofVirtual().name("fuzz-rest-" + w).start(() -> {
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    send(generator.request(i));
                }
            }));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    void send(Request request) {
        String token = tokens.isEmpty() ? "no-token-yet" : tokens.get((int) (request.index() % tokens.size()));
        if (request.endpoint().equals(RequestGenerator.UPGRADE)) {
            upgrade(request, token);
            return;
        }
        HttpRequest.Builder builder;
        List<String> headers = new ArrayList<>();
        try {
            builder = HttpRequest.newBuilder(URI.create(base + request.target())).timeout(Duration.ofSeconds(60))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            for (int i = 0; i < request.headers().size(); i += 2) {
                String value = request.headers().get(i + 1).replace(RequestGenerator.TOKEN, token);
                builder.header(request.headers().get(i), value);
                headers.add(request.headers().get(i) + ": " + value);
            }
        } catch (IllegalArgumentException unsendable) {
            // java.net.http refuses to send it (a URI or header it will not write): not an input the server saw
            tally.count("rest unsendable");
            return;
        }
        String sent = request.method() + " " + request.target() + " " + headers + (request.body() == null ? ""
                : " body=" + request.bodyText());
        try {
            HttpResponse<byte[]> response;
            try {
                response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.io.IOException closedBeforehand) {
                // The client may pick a kept-alive connection the server has just closed (after a 4xx that ends the
                // connection, say): that is no answer to this request. Sent again, it must get one.
                tally.count("rest sent again");
                response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            }
            check.check(request, sent, response);
        } catch (java.io.IOException e) {
            tally.count("rest connection failed");
            tally.finding("rest: the connection failed instead of an answer", "request #" + request.index() + " ("
                    + request.endpoint() + "): " + sent, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An upgrade is accepted (and closed again at once) or refused with a 4xx: 401 for a token that is not a live
     * session's, 403 for an Origin that is not allowed; never a 5xx.
     */
    private void upgrade(Request request, String token) {
        String target = request.target().replace(RequestGenerator.TOKEN, token);
        String sent = "GET " + target + " " + request.headers();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        try {
            for (int i = 0; i < request.headers().size(); i += 2) {
                builder.header(request.headers().get(i), request.headers().get(i + 1));
            }
            WebSocket socket = builder.buildAsync(URI.create(base.replace("http:", "ws:") + target),
                    new WebSocket.Listener() { }).get(30, TimeUnit.SECONDS);
            tally.count("rest upgrade accepted");
            tally.count("by endpoint " + request.endpoint() + ": accepted");
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "fuzz").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        } catch (IllegalArgumentException unsendable) {
            tally.count("rest unsendable");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                int status = refused.getResponse().statusCode();
                tally.count("rest upgrade refused " + status);
                tally.count("by endpoint " + request.endpoint() + ": " + status);
                if (status >= 500 || status < 400) {
                    tally.finding("rest: an upgrade refused with " + status, "request #" + request.index() + " ("
                            + request.endpoint() + "): " + sent, String.valueOf(refused.getResponse().headers().map()));
                }
            } else {
                tally.finding("rest: an upgrade failed without an answer", "request #" + request.index() + " ("
                        + request.endpoint() + "): " + sent, String.valueOf(e.getCause()));
            }
        } catch (TimeoutException e) {
            tally.finding("rest: an upgrade got no answer", "request #" + request.index() + ": " + sent, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token a fuzz request got: later requests may use it (a logout may end it; then they get 401). */
    private void keep(String token) {
        if (tokens.size() < TOKENS_KEPT) {
            tokens.add(token);
        } else {
            tokens.set((int) (handedOut.getAndIncrement() % TOKENS_KEPT), token);
        }
    }
}
