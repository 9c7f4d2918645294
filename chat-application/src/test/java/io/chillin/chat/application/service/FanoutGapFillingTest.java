package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.seqRange;
import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.port.in.JoinResult;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.application.service.ChatScenario.Client;
import io.chillin.chat.domain.room.RoomName;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The bus may lose, repeat or reorder message events; the store is the truth. Members must still get
 * every message exactly once, in seq order.
 */
class FanoutGapFillingTest {

    /**
     * A scenario with two members of one room, on a bus that mistreats message events as {@code policy} says; without
     * a reorder window (a gap is filled from the store as soon as the change after it comes) unless given one.
     */
    private record TwoMembers(ChatScenario chat, RoomName name, Client alice, Client bob, AtomicInteger gapReads) {

        static TwoMembers on(Function<RoomEvent.MessageAppended, List<RoomEvent>> policy) {
            return on(Duration.ZERO, policy);
        }

        static TwoMembers on(Duration window, Function<RoomEvent.MessageAppended, List<RoomEvent>> policy) {
            ChatSettings settings = ChatSettings.DEFAULT.withReorderWindow(window);
            AtomicInteger gapReads = new AtomicInteger();
            ChatScenario chat = ChatScenario.custom(settings, memory -> memory.withShared(
                    new UnreliableBus(memory.bus(), policy), memory.presence(), memory.messageRate(), memory.authRate())
                    .withStores(memory.users(), memory.rooms(), counting(memory.messages(), gapReads)));
            RoomName name = chat.publicRoom();
            return new TwoMembers(chat, name, chat.joined(chat.newUser(), name), chat.joined(chat.newUser(), name),
                    gapReads);
        }

        /** Sends {@code count} messages, alternating senders and moving the clock so the rate limit never bites. */
        void send(int count) {
            for (int i = 0; i < count; i++) {
                chat.sendPaced(i % 2 == 0 ? alice : bob, name, 1);
            }
        }

        void assertEveryMemberReceived(List<Long> seqs) {
            assertThat(alice.sink().seqs()).as("alice").isEqualTo(seqs);
            assertThat(bob.sink().seqs()).as("bob").isEqualTo(seqs);
        }
    }

    /** The store, counting the reads that fill gaps ({@code changedAfter}). */
    private static MessageStore counting(MessageStore inner, AtomicInteger gapReads) {
        return (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(),
                new Class<?>[] {MessageStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("changedAfter")) {
                        gapReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Every other event comes after the one that follows it: 2, 1, 4, 3, ... */
    private static Function<RoomEvent.MessageAppended, List<RoomEvent>> swapPairs() {
        List<RoomEvent> held = new ArrayList<>();
        return event -> {
            if (held.isEmpty()) {
                held.add(event);
                return List.of();
            }
            List<RoomEvent> swapped = List.of(event, held.getFirst());
            held.clear();
            return swapped;
        };
    }

    @Test
    void within_the_reorder_window_events_out_of_order_are_put_in_order_without_reading_the_store() {
        TwoMembers room = TwoMembers.on(Duration.ofSeconds(1), swapPairs());

        room.send(6);

        room.assertEveryMemberReceived(seqRange(1, 6));
        assertThat(room.gapReads().get()).as("gap reads").isZero();
    }

    @Test
    void with_a_reorder_window_a_lost_event_is_still_filled_from_the_store_once_the_window_has_passed() {
        AtomicInteger seen = new AtomicInteger();
        TwoMembers room = TwoMembers.on(Duration.ofMillis(50), e -> seen.incrementAndGet() == 2 ? List.of() : List.of(e));
        room.send(3);
        room.assertEveryMemberReceived(seqRange(1, 1)); // 3 waits for 2, which the bus lost; nothing else comes

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (room.alice().sink().seqs().size() < 3 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        room.assertEveryMemberReceived(seqRange(1, 3));
    }

    private static Function<RoomEvent.MessageAppended, List<RoomEvent>> dropEvery(int n) {
        AtomicInteger seen = new AtomicInteger();
        return event -> seen.incrementAndGet() % n == 0 ? List.of() : List.of(event);
    }

    @Test
    void with_every_third_message_event_lost_members_still_get_every_message_once_in_order() {
        TwoMembers room = TwoMembers.on(dropEvery(3));

        for (int sent = 1; sent <= 11; sent++) {
            room.send(1);
            long expectedUpTo = sent % 3 == 0 ? sent - 1 : sent;
            room.assertEveryMemberReceived(seqRange(1, expectedUpTo));
        }
        assertThat(room.chat().stored(room.name())).isEqualTo(11);
    }

    @Test
    void resync_delivers_messages_whose_events_were_all_lost_and_nothing_twice() {
        TwoMembers room = TwoMembers.on(event -> List.of());
        room.send(6);
        room.assertEveryMemberReceived(List.of());

        room.chat().core.resyncDelivery();
        room.assertEveryMemberReceived(seqRange(1, 6));

        room.chat().core.resyncDelivery();
        room.assertEveryMemberReceived(seqRange(1, 6));
    }

    @Test
    void the_next_message_after_lost_events_brings_the_lost_ones_first() {
        AtomicInteger seen = new AtomicInteger();
        TwoMembers room = TwoMembers.on(event -> seen.incrementAndGet() <= 4 ? List.of() : List.of(event));
        room.send(4);
        room.assertEveryMemberReceived(List.of());

        room.send(1);

        room.assertEveryMemberReceived(seqRange(1, 5));
    }

    @Test
    void a_member_joining_while_deliveries_lag_behind_the_store_still_gets_every_message_once() {
        TwoMembers room = TwoMembers.on(event -> List.of());
        room.send(3);
        Client carol = room.chat().connect(room.chat().newUser());
        JoinResult joined = room.chat().join(carol, room.name());

        room.chat().core.resyncDelivery();

        List<Long> seen = new ArrayList<>(ChatScenario.seqs(joined.history().messages()));
        seen.addAll(carol.sink().seqs());
        assertThat(seen).isEqualTo(seqRange(1, 3));
        room.assertEveryMemberReceived(seqRange(1, 3));
    }

    @Test
    void an_event_delivered_twice_is_shown_once() {
        TwoMembers room = TwoMembers.on(event -> List.of(event, event));

        room.send(5);

        room.assertEveryMemberReceived(seqRange(1, 5));
    }

    @Test
    void events_delivered_out_of_order_are_shown_in_seq_order_once() {
        TwoMembers room = TwoMembers.on(swapPairs());

        room.send(6);

        room.assertEveryMemberReceived(seqRange(1, 6));
    }

    @Test
    void a_late_replay_of_old_events_after_a_resync_is_ignored() {
        List<RoomEvent> lost = new ArrayList<>();
        TwoMembers room = TwoMembers.on(event -> {
            lost.add(event);
            return List.of();
        });
        room.send(4);
        room.chat().core.resyncDelivery();

        ((UnreliableBus) room.chat().ports.bus()).replay(lost);

        room.assertEveryMemberReceived(seqRange(1, 4));
    }

    /** Wraps the in-process bus; each message event is replaced by what the policy returns (none, it twice, ...). */
    private static final class UnreliableBus implements RoomBus {

        private final RoomBus inner;
        private final Function<RoomEvent.MessageAppended, List<RoomEvent>> policy;

        UnreliableBus(RoomBus inner, Function<RoomEvent.MessageAppended, List<RoomEvent>> policy) {
            this.inner = inner;
            this.policy = policy;
        }

        @Override
        public synchronized void publish(RoomEvent event) {
            if (event instanceof RoomEvent.MessageAppended appended) {
                policy.apply(appended).forEach(inner::publish);
            } else {
                inner.publish(event);
            }
        }

        @Override
        public void subscribe(Subscriber subscriber) {
            inner.subscribe(subscriber);
        }

        /** Hands events to the subscribers as they are, bypassing the policy: a late redelivery. */
        void replay(List<RoomEvent> events) {
            events.forEach(inner::publish);
        }
    }
}
