package io.chillin.chat.adapter.javalin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * What the HTTP and WebSocket edge counts for an operator: messages received, refusals by code, clients dropped for not
 * reading, and (read when scraped, so nothing is added to the hot path) open sockets and the frames waiting for them.
 */
final class EdgeMetrics {

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter slowClients;

    EdgeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder("chat.messages.received")
                .description("sendMessage frames received (retries and refused ones included)").register(registry);
        this.slowClients = Counter.builder("chat.slow.client.disconnects")
                .description("sockets closed because the client did not read its frames").register(registry);
    }

    /** Counts into a registry nobody reads: for an edge started without metrics. */
    static EdgeMetrics none() {
        return new EdgeMetrics(new SimpleMeterRegistry());
    }

    <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    void messageReceived() {
        received.increment();
    }

    void slowClientDropped() {
        slowClients.increment();
    }

    /** A request answered with an error: {@code transport} is {@code ws} or {@code rest}. */
    void refused(String code, String transport) {
        registry.counter("chat.refusals", "code", code, "transport", transport).increment();
    }
}
