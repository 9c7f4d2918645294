package io.chillin.chat.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.JoinResult;
import io.chillin.chat.application.port.in.ServerEvent;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.service.ChatScenario.Client;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.room.RoomName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Edits, deletions and reactions reach every member exactly once and in rev order, whatever the bus loses, repeats
 * or reorders: a gap is filled from the store with the messages in their current state, before anything newer.
 */
class LifecycleDeliveryTest {

    private final List<RoomEvent> lost = new ArrayList<>();
    private Predicate<RoomEvent> drop = event -> false;
    /** Without a reorder window: a gap is filled from the store as soon as the change after it comes. */
    private final ChatScenario chat = ChatScenario.withBus(ChatSettings.DEFAULT.withReorderWindow(Duration.ZERO),
            bus -> new LossyBus(bus));
    private final RoomName room = chat.publicRoom();
    private final Client alice = chat.joined(chat.newUser(), room);
    private final Client bob = chat.joined(chat.newUser(), room);

    /** Drops the events the current policy picks, keeping them for a late replay. */
    private final class LossyBus implements RoomBus {
        private final RoomBus inner;

        LossyBus(RoomBus inner) {
            this.inner = inner;
        }

        @Override
        public synchronized void publish(RoomEvent event) {
            if (drop.test(event)) {
                lost.add(event);
            } else {
                inner.publish(event);
            }
        }

        @Override
        public void subscribe(Subscriber subscriber) {
            inner.subscribe(subscriber);
        }

        void replay() {
            lost.forEach(inner::publish);
        }
    }

    /** The revs a member was given, new messages and updates together, in the order they came. */
    private static List<Long> revs(Client client) {
        List<Long> revs = new ArrayList<>();
        for (ServerEvent e : client.sink().events()) {
            if (e instanceof ServerEvent.MessagePosted p) {
                revs.add(p.message().rev());
            } else if (e instanceof ServerEvent.MessageUpdated u) {
                revs.add(u.message().rev());
            }
        }
        return revs;
    }

    private static List<ChatMessage> updates(Client client) {
        return client.sink().events(ServerEvent.MessageUpdated.class).stream().map(ServerEvent.MessageUpdated::message).toList();
    }

    private void edit(Client who, long seq, String text) {
        chat.core.messageLifecycle().edit(who.connection(), room.value(), seq, text);
    }

    private void react(Client who, long seq, String emoji) {
        chat.core.messageLifecycle().react(who.connection(), room.value(), seq, emoji, true);
    }

    @Test
    void every_change_reaches_every_member_once_in_rev_order_and_the_actor_too() {
        long first = chat.send(alice, room, "one").seq();
        chat.send(bob, room, "two");
        edit(alice, first, "one, edited");
        react(bob, first, "👍");
        chat.core.messageLifecycle().delete(bob.connection(), room.value(), 2);

        for (Client member : List.of(alice, bob)) {
            assertThat(revs(member)).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(updates(member)).extracting(ChatMessage::seq).containsExactly(1L, 1L, 2L);
        }
        assertThat(updates(alice).get(1).reactions().getFirst().users()).extracting(u -> u.value())
                .containsExactly(bob.connection().identity().orElseThrow().name().value());
        assertThat(updates(alice).getLast().deleted()).isTrue();
    }

    @Test
    void lost_change_events_are_filled_from_the_store_in_current_state_before_the_next_change() {
        long first = chat.send(alice, room, "one").seq();
        drop = event -> event instanceof RoomEvent.MessageChanged;
        edit(alice, first, "edited once");     // rev 2, lost
        edit(alice, first, "edited twice");    // rev 3, lost
        react(bob, first, "🎉");                // rev 4, lost
        assertThat(revs(bob)).containsExactly(1L);
        drop = event -> false;

        long second = chat.send(bob, room, "two").seq(); // rev 5: the gap before it is filled first

        for (Client member : List.of(alice, bob)) {
            assertThat(revs(member)).as("the overtaken revs 2 and 3 come as the message's current state")
                    .containsExactly(1L, 4L, 5L);
            ChatMessage filled = updates(member).getFirst();
            assertThat(filled.text().value()).isEqualTo("edited twice");
            assertThat(filled.reactions()).hasSize(1);
        }
        assertThat(second).isEqualTo(2);
    }

    @Test
    void a_resync_delivers_changes_whose_events_were_all_lost_and_a_late_replay_is_ignored() {
        long first = chat.send(alice, room, "one").seq();
        drop = event -> event instanceof RoomEvent.MessageChanged || event instanceof RoomEvent.MessageAppended;
        edit(alice, first, "edited");
        chat.send(bob, room, "two");
        react(alice, 2, "👍");
        assertThat(revs(alice)).containsExactly(1L);

        chat.core.resyncDelivery();
        ((LossyBus) chat.ports.bus()).replay();
        chat.core.resyncDelivery();

        for (Client member : List.of(alice, bob)) {
            assertThat(revs(member)).containsExactly(1L, 2L, 4L);
            assertThat(member.sink().messages()).extracting(ChatMessage::seq).containsExactly(1L, 2L);
            assertThat(member.sink().messages().getLast().reactions()).as("a new message lost with its reaction comes "
                    + "posted once, as it is now").hasSize(1);
        }
    }

    @Test
    void a_member_rejoining_with_since_rev_gets_what_changed_while_away_then_live_changes_once() {
        chat.send(alice, room, "one");
        chat.send(alice, room, "two");
        Client carol = chat.connect(chat.newUser());
        long rev = chat.join(carol, room).history().rev();
        assertThat(rev).as("where the join left carol").isEqualTo(2);
        chat.core.leaveRoom().leave(carol.connection(), room.value());
        edit(alice, 1, "one, edited");
        chat.send(alice, room, "three");
        carol.sink().clear();

        JoinResult back = chat.core.joinRoom().join(carol.connection(),
                new JoinRoomCommand(room.value(), null, null, null, rev));
        assertThat(back.history().rev()).isEqualTo(4);
        assertThat(back.history().messages()).extracting(ChatMessage::seq).containsExactly(1L, 3L);
        assertThat(back.history().messages().getFirst().text().value()).isEqualTo("one, edited");

        react(alice, 3, "👀");
        assertThat(revs(carol)).containsExactly(5L);
    }

    @Test
    void since_seq_and_since_rev_together_are_refused() {
        Client carol = chat.connect(chat.newUser());
        ChatScenario.assertInvalid(() -> chat.core.joinRoom().join(carol.connection(),
                new JoinRoomCommand(room.value(), null, null, 0L, 0L)), "sinceRev");
        ChatScenario.assertInvalid(() -> chat.core.joinRoom().join(carol.connection(),
                new JoinRoomCommand(room.value(), null, null, null, -1L)), "sinceRev");
    }

    @Test
    void the_join_page_from_the_recent_cache_shows_edits_and_quotes_as_they_are_now() {
        long first = chat.send(alice, room, "answer me").seq();
        chat.core.sendMessage().send(bob.connection(),
                new io.chillin.chat.application.port.in.SendMessageCommand(room.value(), "r", "answered", first));
        edit(alice, first, "changed my mind");

        JoinResult joined = chat.join(chat.connect(chat.newUser()), room);

        List<ChatMessage> page = joined.history().messages();
        assertThat(page.getFirst().text().value()).isEqualTo("changed my mind");
        assertThat(page.getLast().replyTo().text()).isEqualTo("changed my mind");
        assertThat(joined.history().rev()).isEqualTo(3);
    }

    @Test
    void edits_deletions_and_reactions_share_the_message_budget_and_a_refused_one_costs_nothing() {
        long first = chat.send(alice, room, "x").seq();
        int limit = chat.settings.messageLimit();
        for (int i = 1; i < limit - 1; i++) {
            react(alice, first, "e" + i);
        }
        ChatScenario.assertRejected(() -> edit(bob, first, "not mine"), ErrorCode.FORBIDDEN); // bob's budget untouched
        react(alice, first, "e1"); // a no-op counts too: the budget is now used up
        ChatScenario.assertRejected(() -> edit(alice, first, "one more"), ErrorCode.RATE_LIMITED);
        ChatScenario.assertRejected(() -> chat.send(alice, room, "and a send"), ErrorCode.RATE_LIMITED);
        for (int i = 0; i < limit; i++) {
            react(bob, first, "b" + (i % 5));
        }
        ChatScenario.assertRejected(() -> react(bob, first, "b9"), ErrorCode.RATE_LIMITED);
    }
}
