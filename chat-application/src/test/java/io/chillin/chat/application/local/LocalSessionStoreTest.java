package io.chillin.chat.application.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.contract.MutableClock;
import io.chillin.chat.application.contract.SessionStoreContract;
import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.port.out.SessionStore;
import io.chillin.chat.domain.user.Identity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalSessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore newStore() {
        return new LocalSessionStore();
    }

    @Test
    void abandoned_sessions_are_swept_once_expired() {
        MutableClock clock = MutableClock.atEpochDay();
        LocalSessionStore store = new LocalSessionStore(clock);
        for (int i = 0; i < 150; i++) {
            store.save(new Session("abandoned-" + i, Identity.guest(TestNames.user(), "g" + i), clock.instant(),
                    clock.instant().plus(Duration.ofHours(1))));
        }
        clock.advance(Duration.ofHours(2));
        Session fresh = null;
        for (int i = 0; i < 100; i++) {
            fresh = new Session("fresh-" + i, Identity.guest(TestNames.user(), "f" + i), clock.instant(),
                    clock.instant().plus(Duration.ofHours(1)));
            store.save(fresh);
        }
        assertThat(store.size()).as("the expired ones are gone, the live ones stay").isEqualTo(100);
        assertThat(store.find(fresh.tokenHash())).isPresent();
        assertThat(store.find("abandoned-0")).isEmpty();
    }
}
