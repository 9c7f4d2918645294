package io.chillin.chat.server.metrics;

import io.chillin.chat.application.port.out.ChatMetrics;
import io.chillin.chat.domain.message.ChatMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;

/**
 * The core's counts in Micrometer. Timers publish histograms (Prometheus {@code _bucket} series), so percentiles can be
 * taken over any set of instances; the send → deliver latency runs from the moment the server took the send (the
 * message's timestamp) to its fan-out on each instance, so it includes the database and the bus.
 */
public final class MicrometerChatMetrics implements ChatMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer append;
    private final Timer publish;
    private final Timer sendToDeliver;
    private final Counter persisted;
    private final Counter deliveries;
    private final Counter updateDeliveries;
    private final Counter joins;

    public MicrometerChatMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.append = histogram("chat.store.append", "storing a new message, its group commit included", registry);
        this.publish = histogram("chat.bus.publish", "handing an event to the bus", registry);
        this.sendToDeliver = histogram("chat.send.to.deliver",
                "from the server taking a send to its fan-out to this instance's members", registry);
        this.persisted = Counter.builder("chat.messages.persisted").description("new messages stored").register(registry);
        this.deliveries = Counter.builder("chat.messages.delivered")
                .description("new messages handed to member connections (one per recipient)").register(registry);
        this.updateDeliveries = Counter.builder("chat.updates.delivered")
                .description("edits, deletions and reactions handed to member connections").register(registry);
        this.joins = Counter.builder("chat.joins").description("joins of a room").register(registry);
    }

    private static Timer histogram(String name, String description, MeterRegistry registry) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    }

    @Override
    public void appended(Duration took) {
        persisted.increment();
        append.record(took);
    }

    @Override
    public void published(Duration took) {
        publish.record(took);
    }

    @Override
    public void delivered(ChatMessage message, int recipients, boolean added) {
        if (!added) {
            updateDeliveries.increment(recipients);
            return;
        }
        deliveries.increment(recipients);
        long millis = clock.millis() - message.timestamp().toEpochMilli();
        sendToDeliver.record(Duration.ofMillis(Math.max(0, millis)));
    }

    @Override
    public void joined() {
        joins.increment();
    }

    @Override
    public void changed(String kind) {
        registry.counter("chat.message.changes", "kind", kind).increment();
    }
}
