package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.out.Member;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.application.port.out.Presence.Entry;
import io.chillin.chat.application.port.out.Presence.Exit;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link Presence} must do. */
public abstract class PresenceContract {

    protected abstract Presence newPresence();

    private Presence presence;
    private final RoomName room = TestNames.room();

    @BeforeEach
    void setUpPresence() {
        presence = newPresence();
    }

    private static Member registered(Username name) {
        return Member.of(Identity.registered(name));
    }

    @Test
    void first_and_further_connections_of_one_member_count_once() {
        Member alice = registered(TestNames.user());
        assertThat(presence.enter(room, alice, "c1")).isEqualTo(Entry.FIRST_CONNECTION);
        assertThat(presence.enter(room, alice, "c2")).isEqualTo(Entry.ANOTHER_CONNECTION);
        assertThat(presence.count(room)).isEqualTo(1);
        assertThat(presence.members(room)).containsExactly(alice);
        assertThat(presence.isPresent(room, "c1")).isTrue();
        assertThat(presence.isPresent(room, "c2")).isTrue();
    }

    @Test
    void another_identity_with_the_same_name_ignoring_case_is_refused() {
        Username name = TestNames.user();
        presence.enter(room, Member.of(Identity.guest(name, "g1")), "c1");
        Member impostor = Member.of(Identity.guest(Username.of(name.value().toUpperCase(Locale.ROOT)), "g2"));
        assertThat(presence.enter(room, impostor, "c2")).isEqualTo(Entry.NAME_TAKEN);
        assertThat(presence.isPresent(room, "c2")).isFalse();
        assertThat(presence.count(room)).isEqualTo(1);
    }

    @Test
    void the_same_name_in_another_room_is_fine() {
        Username name = TestNames.user();
        presence.enter(room, Member.of(Identity.guest(name, "g1")), "c1");
        assertThat(presence.enter(TestNames.room(), Member.of(Identity.guest(name, "g2")), "c2"))
                .isEqualTo(Entry.FIRST_CONNECTION);
    }

    @Test
    void exit_reports_whether_the_member_is_gone() {
        Member alice = registered(TestNames.user());
        presence.enter(room, alice, "c1");
        presence.enter(room, alice, "c2");
        assertThat(presence.exit(room, "c1")).isEqualTo(Exit.OTHER_CONNECTIONS_REMAIN);
        assertThat(presence.exit(room, "c2")).isEqualTo(Exit.LAST_CONNECTION);
        assertThat(presence.exit(room, "c2")).isEqualTo(Exit.WAS_NOT_PRESENT);
        assertThat(presence.count(room)).isZero();
        assertThat(presence.members(room)).isEmpty();
    }

    @Test
    void a_name_is_free_again_once_its_holder_left() {
        Username name = TestNames.user();
        presence.enter(room, Member.of(Identity.guest(name, "g1")), "c1");
        presence.exit(room, "c1");
        assertThat(presence.enter(room, Member.of(Identity.guest(name, "g2")), "c2")).isEqualTo(Entry.FIRST_CONNECTION);
    }

    @Test
    void members_are_listed_in_arrival_order() {
        Member a = registered(TestNames.user());
        Member b = registered(TestNames.user());
        Member c = registered(TestNames.user());
        presence.enter(room, a, "ca");
        presence.enter(room, b, "cb");
        presence.enter(room, c, "cc");
        assertThat(presence.members(room)).containsExactly(a, b, c);
        assertThat(presence.count(room)).isEqualTo(3);
    }

    @Test
    void a_room_of_twenty_thousand_members_lists_them_all() {
        int size = 20_000; // beyond what one Lua unpack() can take (about 8,000)
        List<Member> arrived = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Member m = Member.of(Identity.registered(Username.of("member" + i)));
            presence.enter(room, m, "c" + i);
            arrived.add(m);
        }

        assertThat(presence.members(room)).containsExactlyElementsOf(arrived);
        assertThat(presence.count(room)).isEqualTo(size);
    }

    @Test
    void a_sweep_with_every_instance_alive_forgets_nobody() {
        Member alice = registered(TestNames.user());
        presence.enter(room, alice, "c1");
        assertThat(presence.sweep()).isEmpty();
        assertThat(presence.members(room)).containsExactly(alice);
    }

    @Test
    void counts_of_many_rooms_come_together_each_as_counted_alone() {
        RoomName busy = TestNames.room();
        RoomName quiet = TestNames.room();
        RoomName empty = TestNames.room();
        Member ann = registered(TestNames.user());
        presence.enter(busy, ann, "c1");
        presence.enter(busy, ann, "c2");
        presence.enter(busy, registered(TestNames.user()), "c3");
        presence.enter(quiet, registered(TestNames.user()), "c4");

        assertThat(presence.counts(List.of(busy, quiet, empty)))
                .containsExactly(Map.entry(busy, 2), Map.entry(quiet, 1), Map.entry(empty, 0));
        assertThat(presence.counts(List.of())).isEmpty();
    }

    @Test
    void unknown_room_is_empty() {
        assertThat(presence.members(TestNames.room())).isEmpty();
        assertThat(presence.count(TestNames.room())).isZero();
        assertThat(presence.isPresent(TestNames.room(), "c")).isFalse();
    }
}
