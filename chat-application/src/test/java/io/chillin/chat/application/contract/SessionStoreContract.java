package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.out.Revocation;
import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.port.out.SessionStore;
import io.chillin.chat.domain.user.Identity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} must do. */
public abstract class SessionStoreContract {

    protected abstract SessionStore newStore();

    private SessionStore store;
    private final Instant made = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Instant expiry = made.plusSeconds(3600);

    @BeforeEach
    void setUpStore() {
        store = newStore();
    }

    private Session session(Identity identity) {
        return new Session(TestNames.unique("hash-"), identity, made, expiry);
    }

    @Test
    void saved_session_is_found_with_its_identity() {
        Session s = session(Identity.registered(TestNames.user()));
        store.save(s);
        assertThat(store.find(s.tokenHash())).contains(s);
    }

    @Test
    void guest_identity_survives_the_round_trip() {
        Session s = session(Identity.guest(TestNames.user(), "g123"));
        store.save(s);
        assertThat(store.find(s.tokenHash()).orElseThrow().identity()).isEqualTo(s.identity());
    }

    @Test
    void a_session_keeps_the_time_it_was_made_also_when_extended() {
        Instant longAgo = made.minusSeconds(86_000).plusMillis(123);
        Session s = new Session(TestNames.unique("hash-"), Identity.guest(TestNames.user(), "g456"), longAgo, expiry);
        store.save(s);
        assertThat(store.find(s.tokenHash()).orElseThrow().createdAt()).isEqualTo(longAgo);
        store.extend(s.tokenHash(), expiry.plusSeconds(600));
        assertThat(store.find(s.tokenHash()).orElseThrow().createdAt()).isEqualTo(longAgo);
    }

    @Test
    void unknown_hash_is_empty() {
        assertThat(store.find("no-such-hash")).isEmpty();
    }

    @Test
    void extend_moves_the_expiry() {
        Session s = session(Identity.registered(TestNames.user()));
        store.save(s);
        Instant later = expiry.plusSeconds(600);
        store.extend(s.tokenHash(), later);
        assertThat(store.find(s.tokenHash()).orElseThrow().expiresAt()).isEqualTo(later);
    }

    @Test
    void delete_ends_one_session_only() {
        Identity who = Identity.registered(TestNames.user());
        Session a = session(who);
        Session b = session(who);
        store.save(a);
        store.save(b);
        store.delete(a.tokenHash());
        assertThat(store.find(a.tokenHash())).isEmpty();
        assertThat(store.find(b.tokenHash())).isPresent();
    }

    @Test
    void delete_all_of_an_identity_spares_others() {
        Identity who = Identity.registered(TestNames.user());
        Session a = session(who);
        Session b = session(who);
        Session other = session(Identity.registered(TestNames.user()));
        store.save(a);
        store.save(b);
        store.save(other);
        store.deleteAllOf(who.key());
        assertThat(store.find(a.tokenHash())).isEmpty();
        assertThat(store.find(b.tokenHash())).isEmpty();
        assertThat(store.find(other.tokenHash())).isPresent();
    }

    @Test
    void ending_a_session_is_written_down_as_the_next_revocation() {
        Session s = session(Identity.registered(TestNames.user()));
        store.save(s);
        long before = store.lastRevocation();
        store.delete(s.tokenHash());
        List<Revocation> after = store.revocationsAfter(before, 1000);
        assertThat(after).filteredOn(r -> s.tokenHash().equals(r.tokenHash()))
                .singleElement().satisfies(r -> {
                    assertThat(r.number()).isGreaterThan(before);
                    assertThat(r.ends(s.tokenHash(), s.identity().key())).isTrue();
                    assertThat(r.ends("another-hash", s.identity().key())).isFalse();
                });
        assertThat(store.lastRevocation()).isGreaterThan(before);
    }

    @Test
    void ending_all_of_an_identity_is_one_revocation_of_that_identity() {
        Identity who = Identity.registered(TestNames.user());
        Session a = session(who);
        Session b = session(who);
        store.save(a);
        store.save(b);
        long before = store.lastRevocation();
        store.deleteAllOf(who.key());
        assertThat(store.revocationsAfter(before, 1000)).filteredOn(r -> who.key().equals(r.identityKey()))
                .singleElement().satisfies(r -> {
                    assertThat(r.ends(a.tokenHash(), who.key())).isTrue();
                    assertThat(r.ends(b.tokenHash(), who.key())).isTrue();
                    assertThat(r.ends(a.tokenHash(), "user:somebody-else")).isFalse();
                });
    }

    @Test
    void nothing_ended_is_no_revocation() {
        Identity nobody = Identity.registered(TestNames.user());
        long before = store.lastRevocation();
        store.delete("no-such-hash-" + nobody.key());
        store.deleteAllOf(nobody.key());
        assertThat(store.revocationsAfter(before, 1000))
                .noneMatch(r -> nobody.key().equals(r.identityKey()) || ("no-such-hash-" + nobody.key()).equals(r.tokenHash()));
    }

    @Test
    void revocations_are_numbered_without_gaps_in_order_and_read_in_slices() {
        long before = store.lastRevocation();
        for (int i = 0; i < 5; i++) {
            Session s = session(Identity.registered(TestNames.user()));
            store.save(s);
            store.delete(s.tokenHash());
        }
        List<Revocation> all = store.revocationsAfter(before, 1000);
        assertThat(all).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).number()).isEqualTo(before + 1 + i);
        }
        assertThat(store.revocationsAfter(before, 2)).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(store.revocationsAfter(before + 2, 2)).containsExactlyElementsOf(all.subList(2, 4));
        assertThat(store.lastRevocation()).isGreaterThanOrEqualTo(all.get(all.size() - 1).number());
    }
}
