package io.chillin.chat.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.service.ChatScenario.Client;
import io.chillin.chat.domain.room.RoomName;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * markRead is not metered (only changes count against the message budget), so a stream of frames that cannot move
 * the marker — repeats, lower seqs, seqs past the newest — must not reach the store once the connection knows.
 */
class MarkReadCostTest {

    private final AtomicInteger storeCalls = new AtomicInteger();
    private final ChatScenario chat = ChatScenario.withMessages(this::counting);
    private final RoomName room = chat.publicRoom();
    private final Client alice = chat.joined(chat.newUser(), room);
    private final Client bob = chat.joined(chat.newUser(), room);

    private MessageStore counting(MessageStore store) {
        return (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(), new Class<?>[] {MessageStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("markRead")) {
                        storeCalls.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void markRead(Client who, long seq) {
        chat.core.messageLifecycle().markRead(who.connection(), room.value(), seq);
    }

    @Test
    void repeats_lower_seqs_and_seqs_past_the_newest_cost_the_store_nothing_once_known() {
        for (int i = 0; i < 5; i++) {
            chat.send(alice, room, "message " + i);
        }
        markRead(bob, 3);
        for (int i = 0; i < 1000; i++) {
            markRead(bob, 3);
            markRead(bob, 1);
        }
        assertThat(storeCalls.get()).as("one call for the first move, none for its repeats").isEqualTo(1);

        markRead(bob, 99);
        for (int i = 0; i < 1000; i++) {
            markRead(bob, 100 + i);
        }
        assertThat(storeCalls.get()).as("past the newest: once, then known to be at the newest").isEqualTo(2);
        assertThat(bob.sink().events(ServerEvent.ReadMarker.class)).extracting(ServerEvent.ReadMarker::seq)
                .containsExactly(3L, 5L);

        chat.send(alice, room, "one more");
        markRead(bob, 6);
        assertThat(storeCalls.get()).as("a new message can be marked again").isEqualTo(3);
        assertThat(bob.sink().events(ServerEvent.ReadMarker.class).getLast().seq()).isEqualTo(6);
    }
}
