package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.assertInvalid;
import static io.chillin.chat.application.service.ChatScenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.contract.FastTestHasher;
import io.chillin.chat.application.contract.MutableClock;
import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.local.LocalPresence;
import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.JoinRoomCommand;
import io.chillin.chat.application.port.in.RoomListPage;
import io.chillin.chat.application.port.in.RoomListQuery;
import io.chillin.chat.application.port.in.RoomView;
import io.chillin.chat.application.port.out.Member;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The room list, a page at a time: name order, cursors, limits, and member counts in one presence call per page. */
class RoomListingTest {

    private static RoomListPage page(ChatScenario chat, Integer limit, String cursor) {
        return chat.core.listRooms().listRooms(new RoomListQuery(limit, cursor));
    }

    private static List<String> names(RoomListPage page) {
        return page.rooms().stream().map(room -> room.name().value()).toList();
    }

    private static void createAll(ChatScenario chat, String... names) {
        for (String name : names) {
            chat.ports.rooms().create(new Room(RoomName.of(name), RoomDescription.NONE, Username.of("alice"), null,
                    chat.clock.instant()));
        }
    }

    @Test
    void the_list_comes_a_page_at_a_time_in_the_order_of_the_names_keys_until_a_page_without_a_cursor() {
        ChatScenario chat = ChatScenario.start();
        createAll(chat, "b", "D", "a", "e", "C");

        RoomListPage first = page(chat, 2, null);
        RoomListPage second = page(chat, 2, first.nextCursor());
        RoomListPage last = page(chat, 2, second.nextCursor());

        assertThat(names(first)).containsExactly("a", "b");
        assertThat(names(second)).containsExactly("C", "D");
        assertThat(names(last)).containsExactly("e");
        assertThat(first.nextCursor()).isNotNull();
        assertThat(last.nextCursor()).as("the last page").isNull();
        assertThat(page(chat, 5, null).nextCursor()).as("exactly one full page").isNull();
    }

    @Test
    void without_a_limit_a_page_holds_100_rooms() {
        ChatScenario chat = ChatScenario.start();
        for (int i = 0; i < 101; i++) {
            createAll(chat, String.format("room %03d", i));
        }

        RoomListPage first = chat.core.listRooms().listRooms(RoomListQuery.FIRST_PAGE);

        assertThat(first.rooms()).hasSize(100);
        assertThat(names(page(chat, null, first.nextCursor()))).containsExactly("room 100");
    }

    @Test
    void a_room_deleted_or_created_between_two_pages_moves_no_other_room() {
        ChatScenario chat = ChatScenario.start();
        createAll(chat, "a", "b", "c", "d");
        RoomListPage first = page(chat, 2, null);

        chat.ports.rooms().delete(RoomName.of("b"));
        createAll(chat, "aa");

        assertThat(names(page(chat, 2, first.nextCursor()))).containsExactly("c", "d");
    }

    @Test
    void a_limit_out_of_range_or_a_cursor_the_server_never_gave_is_invalid() {
        ChatScenario chat = ChatScenario.start();
        createAll(chat, "a");

        assertInvalid(() -> page(chat, 0, null), "limit");
        assertInvalid(() -> page(chat, 501, null), "limit");
        assertThat(page(chat, 500, null).rooms()).hasSize(1);
        assertInvalid(() -> page(chat, null, "not base64!"), "cursor");
        assertInvalid(() -> page(chat, null, Base64.getUrlEncoder().encodeToString(new byte[] {(byte) 0xff})), "cursor");
        assertInvalid(() -> page(chat, null, "QQ".repeat(201)), "cursor");
        assertThat(names(page(chat, null, ""))).as("an empty cursor is none").containsExactly("a");
    }

    @Test
    void the_member_counts_of_a_page_come_from_one_presence_call() {
        CountingPresence presence = new CountingPresence();
        MutableClock clock = MutableClock.atEpochDay();
        ChatPorts memory = ChatPorts.inMemory(new FastTestHasher(), ChatSettings.DEFAULT, clock);
        ChatPorts ports = memory.withShared(memory.bus(), presence, memory.messageRate(), memory.authRate());
        ChatCore core = ChatCore.create(ports, ChatSettings.DEFAULT, clock);
        for (String name : List.of("busy", "quiet", "empty")) {
            ports.rooms().create(new Room(RoomName.of(name), RoomDescription.NONE, Username.of("alice"), null, clock.instant()));
        }
        for (String[] visit : new String[][] {{"busy", "bob"}, {"busy", "carol"}, {"quiet", "dave"}}) {
            core.joinRoom().join(Connection.open(null, event -> { }),
                    new JoinRoomCommand(visit[0], visit[1], null, null));
        }
        presence.calls.set(0);

        List<RoomView> listed = core.listRooms().listRooms(RoomListQuery.FIRST_PAGE).rooms();

        assertThat(listed).extracting(room -> room.name().value(), RoomView::memberCount)
                .containsExactly(tuple("busy", 2), tuple("empty", 0), tuple("quiet", 1));
        assertThat(presence.calls).as("presence calls for one page").hasValue(1);
    }

    @Test
    void one_room_is_shown_as_listed_and_an_unknown_or_invalid_name_is_refused() {
        ChatScenario chat = ChatScenario.start();
        RoomName room = chat.publicRoom();
        chat.joined(chat.newUser(), room);

        RoomView shown = chat.core.showRoom().showRoom(room.value().toUpperCase());

        assertThat(shown).isEqualTo(page(chat, null, null).rooms().getFirst());
        assertThat(shown.memberCount()).isEqualTo(1);
        assertRejected(() -> chat.core.showRoom().showRoom(TestNames.room().value()), ErrorCode.NOT_FOUND);
        assertInvalid(() -> chat.core.showRoom().showRoom("x".repeat(31)), "name");
    }

    /** The in-process presence, counting the calls that ask for member counts. */
    private static final class CountingPresence implements Presence {
        final Presence real = new LocalPresence();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Entry enter(RoomName room, Member member, String connectionId) {
            return real.enter(room, member, connectionId);
        }

        @Override
        public Exit exit(RoomName room, String connectionId) {
            return real.exit(room, connectionId);
        }

        @Override
        public boolean isPresent(RoomName room, String connectionId) {
            return real.isPresent(room, connectionId);
        }

        @Override
        public List<Member> members(RoomName room) {
            return real.members(room);
        }

        @Override
        public int count(RoomName room) {
            calls.incrementAndGet();
            return real.count(room);
        }

        @Override
        public Map<RoomName, Integer> counts(List<RoomName> rooms) {
            calls.incrementAndGet();
            return real.counts(rooms);
        }

        @Override
        public List<Departure> sweep() {
            return real.sweep();
        }
    }
}
