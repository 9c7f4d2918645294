package io.chillin.chat.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.Member;
import io.chillin.chat.application.port.out.Presence;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.Username;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Presence as two server instances see it, including one that dies without saying goodbye. */
class RedisPresenceAcrossInstancesTest {

    @RegisterExtension
    static final TestRedis REDIS = new TestRedis();

    private static final Duration ALIVE = Duration.ofMillis(600);

    private RedisPresence instance() {
        return REDIS.closeAfterwards(new RedisPresence(REDIS.connect(), REDIS.prefix(), ALIVE));
    }

    @Test
    void a_name_held_on_one_instance_is_taken_on_another_and_counts_agree() {
        RedisPresence a = instance();
        RedisPresence b = instance();
        RoomName room = TestNames.room();
        Username name = TestNames.user();
        assertThat(a.enter(room, Member.of(Identity.guest(name, "ga")), "ca")).isEqualTo(Presence.Entry.FIRST_CONNECTION);
        assertThat(b.enter(room, Member.of(Identity.guest(name, "gb")), "cb")).isEqualTo(Presence.Entry.NAME_TAKEN);
        Member bob = Member.of(Identity.registered(TestNames.user()));
        b.enter(room, bob, "cb2");
        assertThat(a.members(room)).isEqualTo(b.members(room)).hasSize(2);
        assertThat(a.count(room)).isEqualTo(2);
    }

    @Test
    void an_instance_puts_its_members_back_when_redis_lost_its_data() throws Exception {
        RedisPresence a = instance();
        RoomName room = TestNames.room();
        Member alice = Member.of(Identity.registered(TestNames.user()));
        a.enter(room, alice, "c1");
        REDIS.deleteAllKeys();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (a.members(room).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(a.members(room)).containsExactly(alice);
        assertThat(a.isPresent(room, "c1")).isTrue();
    }

    @Test
    void the_members_of_a_crashed_instance_leave_at_the_next_sweep_after_its_heartbeat_expires() throws Exception {
        RedisPresence survivor = instance();
        RedisPresence doomed = instance();
        RoomName room = TestNames.room();
        Member stays = Member.of(Identity.registered(TestNames.user()));
        Member goes = Member.of(Identity.registered(TestNames.user()));
        Member both = Member.of(Identity.registered(TestNames.user()));
        survivor.enter(room, stays, "s1");
        survivor.enter(room, both, "s2");
        doomed.enter(room, goes, "d1");
        doomed.enter(room, both, "d2");

        doomed.stopHeartbeat();
        assertThat(survivor.sweep()).as("not dead yet").isEmpty();
        Thread.sleep(ALIVE.toMillis() + 300);
        List<Presence.Departure> departures = survivor.sweep();

        assertThat(departures).containsExactly(new Presence.Departure(room, goes));
        assertThat(survivor.members(room)).containsExactlyInAnyOrder(stays, both);
        assertThat(survivor.isPresent(room, "d2")).isFalse();
        assertThat(survivor.sweep()).as("forgotten once only").isEmpty();
    }
}
