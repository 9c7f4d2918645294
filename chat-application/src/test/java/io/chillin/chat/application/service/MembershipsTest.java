package io.chillin.chat.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.domain.room.RoomName;
import org.junit.jupiter.api.Test;

class MembershipsTest {

    private final Memberships memberships = new Memberships();
    private final Connection alice = Connection.open(null, event -> { });
    private final Connection bob = Connection.open(null, event -> { });

    @Test
    void a_connection_finds_its_rooms_however_they_are_spelled_and_as_they_are_really_named() {
        memberships.joined(alice, RoomName.of("Lounge"));
        memberships.joined(alice, RoomName.of("Kitchen"));

        assertThat(memberships.find(alice, RoomName.of("lounge"))).contains(RoomName.of("Lounge"))
                .get().hasToString("Lounge");
        assertThat(memberships.of(alice)).containsExactlyInAnyOrder(RoomName.of("Lounge"), RoomName.of("Kitchen"));
        assertThat(memberships.find(bob, RoomName.of("Lounge"))).as("connections are independent").isEmpty();
    }

    @Test
    void leaving_takes_only_that_room_and_the_last_one_leaves_nothing_behind() {
        memberships.joined(alice, RoomName.of("Lounge"));
        memberships.joined(alice, RoomName.of("Kitchen"));

        memberships.left(alice, RoomName.of("LOUNGE"));

        assertThat(memberships.find(alice, RoomName.of("Lounge"))).isEmpty();
        assertThat(memberships.of(alice)).containsExactly(RoomName.of("Kitchen"));
        memberships.left(alice, RoomName.of("Kitchen"));
        memberships.left(alice, RoomName.of("Kitchen"));
        assertThat(memberships.of(alice)).isEmpty();
    }

    @Test
    void joining_a_room_again_keeps_one_entry() {
        memberships.joined(alice, RoomName.of("Lounge"));
        memberships.joined(alice, RoomName.of("lounge"));

        assertThat(memberships.of(alice)).hasSize(1);
    }
}
