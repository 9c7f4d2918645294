package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** What every {@link RoomBus} must do: every subscriber gets every event, each room's events in order. */
public abstract class RoomBusContract {

    /** A fresh bus; buses made by one test must reach each other (as instances of one cluster would). */
    protected abstract RoomBus newBus();

    protected static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    /** A subscriber that hands every event to the consumer. */
    protected static RoomBus.Subscriber recorder(java.util.function.Consumer<RoomEvent> events) {
        return new RoomBus.Subscriber() {
            @Override
            public void onEvent(RoomEvent event) {
                events.accept(event);
            }

            @Override
            public void onPossibleLoss() {
            }
        };
    }

    private static ChatMessage message(RoomName room, long seq) {
        Username author = Username.of("author");
        return new ChatMessage(seq, room, seq, author, "user:author", MessageText.of("m" + seq + " 😀"),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), TempId.of("t" + seq));
    }

    @Test
    void every_subscriber_receives_every_event_of_every_kind() throws Exception {
        RoomBus publisher = newBus();
        RoomBus other = newBus();
        List<RoomEvent> seenHere = new CopyOnWriteArrayList<>();
        List<RoomEvent> seenThere = new CopyOnWriteArrayList<>();
        publisher.subscribe(recorder(seenHere::add));
        other.subscribe(recorder(seenThere::add));
        RoomName room = TestNames.room();
        List<RoomEvent> events = List.of(
                new RoomEvent.MessageAppended(message(room, 1)),
                new RoomEvent.MembershipChanged(room, Username.of("alice"), true, Instant.now().truncatedTo(ChronoUnit.MILLIS)),
                new RoomEvent.TypingChanged(room, Username.of("alice"), "user:alice", true),
                new RoomEvent.RoomChanged(room), new RoomEvent.RoomChanged(room, true));
        events.forEach(publisher::publish);
        await(() -> seenHere.size() >= events.size() && seenThere.size() >= events.size());
        assertThat(seenHere).containsExactlyElementsOf(events);
        assertThat(seenThere).containsExactlyElementsOf(events);
    }

    @Test
    void one_rooms_events_arrive_in_publication_order() throws Exception {
        RoomBus bus = newBus();
        List<Long> seqs = new CopyOnWriteArrayList<>();
        RoomName room = TestNames.room();
        bus.subscribe(recorder(e -> {
            if (e instanceof RoomEvent.MessageAppended m && m.room().equals(room)) {
                seqs.add(m.message().seq());
            }
        }));
        for (long seq = 1; seq <= 200; seq++) {
            bus.publish(new RoomEvent.MessageAppended(message(room, seq)));
        }
        await(() -> seqs.size() >= 200);
        assertThat(seqs).isSorted().hasSize(200);
    }

    @Test
    void a_subscriber_that_throws_stops_neither_the_publisher_nor_any_other_subscriber_here_or_elsewhere() throws Exception {
        RoomBus publisher = newBus();
        RoomBus other = newBus();
        List<RoomEvent> seenHere = new CopyOnWriteArrayList<>();
        List<RoomEvent> seenThere = new CopyOnWriteArrayList<>();
        publisher.subscribe(recorder(e -> {
            throw new IllegalStateException("a broken subscriber");
        }));
        publisher.subscribe(recorder(seenHere::add));
        other.subscribe(recorder(e -> {
            throw new IllegalStateException("a broken subscriber elsewhere");
        }));
        other.subscribe(recorder(seenThere::add));
        RoomName room = TestNames.room();
        List<RoomEvent> events = List.of(new RoomEvent.MessageAppended(message(room, 1)),
                new RoomEvent.MessageAppended(message(room, 2)));

        for (RoomEvent event : events) {
            publisher.publish(event);
        }

        await(() -> seenHere.size() >= events.size() && seenThere.size() >= events.size());
        assertThat(seenHere).containsExactlyElementsOf(events);
        assertThat(seenThere).containsExactlyElementsOf(events);
    }
}
