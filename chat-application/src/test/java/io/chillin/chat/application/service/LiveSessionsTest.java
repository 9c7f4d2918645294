package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.in.Admission;
import io.chillin.chat.application.port.in.LogInCommand;
import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.service.ChatScenario.Client;
import io.chillin.chat.application.service.ChatScenario.RecordingSink;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A connection lives no longer than its session (docs/ARCHITECTURE.md, revocation): logout, the end of all of an
 * account's sessions (deletion, password change) and expiry end it, and it is refused from then on.
 */
class LiveSessionsTest {

    private final ChatScenario chat = ChatScenario.start();

    private String token(String username) {
        return chat.core.logIn().logIn(new LogInCommand(username, ChatScenario.PASSWORD), ChatScenario.address()).token();
    }

    @Test
    void logging_out_ends_the_connections_of_that_session_only() {
        String name = "carol" + System.nanoTime() % 100000;
        String first = chat.register(name).token();
        String second = token(name);
        RoomName room = chat.publicRoom();
        Client ended = chat.connectWithToken(first);
        Client kept = chat.connectWithToken(second);
        chat.join(ended, room);
        chat.join(kept, room);

        chat.core.logOut().logOut(first);
        chat.core.checkSessions();

        assertThat(ended.sink().endings()).containsExactly("the session was logged out");
        assertThat(ended.connection().ended()).isTrue();
        assertRejected(() -> chat.send(ended, room, "after the logout"), ErrorCode.UNAUTHORIZED);
        assertRejected(() -> chat.join(ended, room), ErrorCode.UNAUTHORIZED);
        assertRejected(() -> chat.core.connections().touch(ended.connection()), ErrorCode.UNAUTHORIZED);
        assertThat(chat.stored(room)).as("nothing stored after the logout").isZero();

        assertThat(kept.sink().endings()).isEmpty();
        assertThat(chat.send(kept, room, "still here").seq()).isEqualTo(1);
    }

    @Test
    void ending_every_session_of_an_account_ends_all_its_connections() {
        String name = "dave" + System.nanoTime() % 100000;
        Client one = chat.connectWithToken(chat.register(name).token());
        Client two = chat.connectWithToken(token(name));
        Client other = chat.connectWithToken(chat.register("erin" + System.nanoTime() % 100000).token());

        // what account deletion and a password change (CLI or REST) do to the store
        chat.ports.sessions().deleteAllOf(one.identity().key());
        chat.core.checkSessions();

        assertThat(one.sink().endings()).containsExactly("every session of this account was ended");
        assertThat(two.sink().endings()).containsExactly("every session of this account was ended");
        assertThat(other.sink().endings()).isEmpty();
    }

    @Test
    void a_session_revoked_between_the_token_check_and_the_open_ends_the_connection_at_once() {
        String token = chat.register("frank" + System.nanoTime() % 100000).token();
        Admission admission = chat.core.connections().admit(token);
        chat.core.logOut().logOut(token);
        chat.core.checkSessions();

        RecordingSink sink = new RecordingSink();
        var connection = chat.core.connections().open(admission, ChatScenario.address(), sink);

        assertThat(connection.ended()).isTrue();
        assertThat(sink.endings()).containsExactly("the session was logged out");
    }

    @Test
    void revocations_the_store_no_longer_keeps_are_made_up_for_by_checking_every_session() {
        chat.core.checkSessions();
        String token = chat.register("gina" + System.nanoTime() % 100000).token();
        Client client = chat.connectWithToken(token);
        Client survivor = chat.connectWithToken(chat.register("hank" + System.nanoTime() % 100000).token());
        chat.ports.sessions().delete(SessionTokens.hash(token)); // as another instance's logout would
        for (int i = 0; i < 1_100; i++) {
            // other people's logouts push the one above out of what the in-memory store keeps
            Session s = new Session("other-" + i, Identity.guest(chat.newUser().name(), "g" + i), Instant.EPOCH,
                    chat.clock.instant().plusSeconds(60));
            chat.ports.sessions().save(s);
            chat.ports.sessions().delete(s.tokenHash());
        }

        chat.core.checkSessions();

        assertThat(client.sink().endings()).containsExactly("the session has ended");
        assertThat(survivor.sink().endings()).isEmpty();
    }

    @Test
    void an_expired_session_ends_its_connection_unless_it_was_used() {
        Client idle = chat.connectWithToken(chat.register("ivan" + System.nanoTime() % 100000).token());
        Client active = chat.connectWithToken(chat.register("jane" + System.nanoTime() % 100000).token());
        String restToken = chat.register("kate" + System.nanoTime() % 100000).token();
        Client usedElsewhere = chat.connectWithToken(restToken);

        chat.clock.advance(Duration.ofHours(23));
        chat.core.connections().touch(active.connection());
        chat.core.authenticate().authenticate(restToken); // a REST request with the same token slides it too
        chat.clock.advance(Duration.ofHours(2));
        chat.core.checkSessions();

        assertThat(idle.sink().endings()).containsExactly("the session expired");
        assertThat(active.sink().endings()).isEmpty();
        assertThat(usedElsewhere.sink().endings()).isEmpty();
    }

    @Test
    void a_guest_session_ends_at_its_absolute_lifetime_however_busy_it_is() {
        String token = chat.core.enterAsGuest().enterAsGuest("wanderer" + System.nanoTime() % 10000).token();
        Client guest = chat.connectWithToken(token);
        Duration lifetime = chat.settings.guestLifetime();
        for (Duration used = Duration.ZERO; used.compareTo(lifetime.minusHours(12)) < 0; used = used.plusHours(12)) {
            chat.clock.advance(Duration.ofHours(12));
            chat.core.connections().touch(guest.connection());
            chat.core.authenticate().authenticate(token);
            chat.core.checkSessions();
        }
        assertThat(guest.sink().endings()).as("still within its lifetime").isEmpty();

        chat.clock.advance(Duration.ofHours(13));
        chat.core.checkSessions();

        assertThat(guest.sink().endings()).containsExactly("the session expired");
        assertRejected(() -> chat.core.authenticate().authenticate(token), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void a_connection_without_a_token_has_no_session_to_end() {
        Client guest = chat.connectWithoutToken();
        chat.core.checkSessions();
        chat.core.connections().touch(guest.connection());
        assertThat(guest.sink().endings()).isEmpty();
    }
}
