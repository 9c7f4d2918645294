package io.chillin.chat.application.service;

import static io.chillin.chat.application.service.ChatScenario.PASSWORD;
import static io.chillin.chat.application.service.ChatScenario.address;
import static io.chillin.chat.application.service.ChatScenario.assertInvalid;
import static io.chillin.chat.application.service.ChatScenario.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.application.ChatSettings;
import io.chillin.chat.application.contract.FastTestHasher;
import io.chillin.chat.application.contract.MutableClock;
import io.chillin.chat.application.contract.TestNames;
import io.chillin.chat.application.port.in.AuthResult;
import io.chillin.chat.application.port.in.LogInCommand;
import io.chillin.chat.application.port.in.RegisterCommand;
import io.chillin.chat.application.port.out.BlobStore;
import io.chillin.chat.application.port.out.PasswordHasher;
import io.chillin.chat.application.port.out.Revocation;
import io.chillin.chat.application.port.out.Session;
import io.chillin.chat.application.port.out.SessionStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.ErrorCode;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Register, log in, guests, sessions and log out, through the core on in-memory ports. */
class AccountUseCasesTest {

    private static final String WRONG_PASSWORD = "not the password";

    private static AuthResult logIn(ChatScenario chat, String username, String password) {
        return logIn(chat, username, password, address());
    }

    private static AuthResult logIn(ChatScenario chat, String username, String password, String from) {
        return chat.core.logIn().logIn(new LogInCommand(username, password), from);
    }

    /** Logs in with a wrong password from one address until refused otherwise than UNAUTHORIZED. */
    private static ChatException failUntilRefused(ChatScenario chat, String username, String from) {
        for (int i = 0; i < 1_000; i++) {
            ChatException rejection = ChatScenario.rejection(() -> logIn(chat, username, WRONG_PASSWORD, from));
            if (rejection.code() != ErrorCode.UNAUTHORIZED) {
                return rejection;
            }
        }
        throw new AssertionError("1000 failed logins from " + from + " and never refused");
    }

    @Test
    void registering_returns_the_user_and_a_token_that_authenticates_as_that_user() {
        ChatScenario chat = ChatScenario.start();
        String name = TestNames.unique("Reg_");

        AuthResult result = chat.core.register().register(
                new RegisterCommand(name, PASSWORD, " someone@example.org "), address());

        assertThat(result.user().username()).isEqualTo(Username.of(name));
        assertThat(result.user().guest()).isFalse();
        assertThat(result.user().createdAt()).isEqualTo(chat.clock.instant());
        assertThat(result.token()).isNotBlank();
        assertThat(chat.core.authenticate().authenticate(result.token()))
                .isEqualTo(Identity.registered(Username.of(name)));
        User stored = chat.ports.users().find(Username.of(name)).orElseThrow();
        assertThat(stored.passwordHash()).doesNotContain(PASSWORD);
        assertThat(stored.email()).isEqualTo("someone@example.org");
    }

    @Test
    void registering_a_name_taken_ignoring_case_is_a_conflict_and_keeps_the_first_account() {
        ChatScenario chat = ChatScenario.start();
        String name = TestNames.unique("Dup_");
        chat.register(name);

        assertRejected(() -> chat.register(name.toUpperCase()), ErrorCode.CONFLICT);

        assertThat(chat.ports.users().list()).extracting(User::username).containsExactly(Username.of(name));
    }

    @ParameterizedTest(name = "username={0} password={1} email={2} is rejected on {3}")
    @CsvSource({
            "ab, long enough, , username",
            "has space, long enough, , username",
            "abcdefghijklmnopqrstu, long enough, , username",
            "'', long enough, , username",
            "valid_name, 12345, , password",
            "valid_name, , , password",
            "valid_name, long enough, not-an-address, email",
            "valid_name, long enough, two@@example.org, email",
    })
    void registering_with_a_bad_value_is_rejected_naming_its_field(String username, String password, String email,
                                                                 String field) {
        ChatScenario chat = ChatScenario.start();

        assertInvalid(() -> chat.core.register().register(new RegisterCommand(username, password, email), address()),
                field);

        assertThat(chat.ports.users().list()).isEmpty();
    }

    @Test
    void logging_in_with_the_right_password_opens_a_new_session() {
        ChatScenario chat = ChatScenario.start();
        String name = TestNames.unique("Log_");
        String firstToken = chat.register(name).token();

        AuthResult result = logIn(chat, name.toLowerCase(), PASSWORD);

        assertThat(result.user().username()).isEqualTo(Username.of(name));
        assertThat(result.user().guest()).isFalse();
        assertThat(result.token()).isNotEqualTo(firstToken);
        assertThat(chat.core.authenticate().authenticate(result.token()).name()).isEqualTo(Username.of(name));
    }

    @Test
    void a_wrong_password_and_an_unknown_user_are_unauthorized_with_the_same_message() {
        ChatScenario chat = ChatScenario.start();
        String name = TestNames.unique("Who_");
        chat.register(name);

        ChatException wrongPassword = assertRejected(() -> logIn(chat, name, WRONG_PASSWORD), ErrorCode.UNAUTHORIZED);
        ChatException unknownUser = assertRejected(() -> logIn(chat, TestNames.unique("Nobody_"), PASSWORD),
                ErrorCode.UNAUTHORIZED);
        ChatException invalidName = assertRejected(() -> logIn(chat, "?", PASSWORD), ErrorCode.UNAUTHORIZED);

        assertThat(unknownUser.getMessage()).isEqualTo(wrongPassword.getMessage());
        assertThat(invalidName.getMessage()).isEqualTo(wrongPassword.getMessage());
    }

    @Test
    void a_legacy_password_hash_is_replaced_after_a_successful_login_and_still_works() {
        LegacyAwareHasher hasher = new LegacyAwareHasher();
        ChatScenario chat = ChatScenario.withHasher(hasher);
        Username name = TestNames.user();
        chat.ports.users().create(new User(name, LegacyAwareHasher.legacyHash(PASSWORD), "", chat.clock.instant()));

        logIn(chat, name.value(), PASSWORD);

        String rehashed = chat.ports.users().find(name).orElseThrow().passwordHash();
        assertThat(hasher.needsRehash(rehashed)).as(rehashed).isFalse();
        assertThat(hasher.verify(PASSWORD, rehashed)).isTrue();
        assertThat(logIn(chat, name.value(), PASSWORD).user().username()).isEqualTo(name);
    }

    @Test
    void a_legacy_password_hash_is_kept_after_a_failed_login() {
        ChatScenario chat = ChatScenario.withHasher(new LegacyAwareHasher());
        Username name = TestNames.user();
        String legacy = LegacyAwareHasher.legacyHash(PASSWORD);
        chat.ports.users().create(new User(name, legacy, "", chat.clock.instant()));

        assertRejected(() -> logIn(chat, name.value(), WRONG_PASSWORD), ErrorCode.UNAUTHORIZED);

        assertThat(chat.ports.users().find(name).orElseThrow().passwordHash()).isEqualTo(legacy);
    }

    @Test
    void a_guest_gets_a_guest_session_under_its_display_name() {
        ChatScenario chat = ChatScenario.start();
        String name = TestNames.unique("Guest_");

        AuthResult result = chat.core.enterAsGuest().enterAsGuest(name);

        assertThat(result.user().guest()).isTrue();
        assertThat(result.user().username()).isEqualTo(Username.of(name));
        Identity identity = chat.core.authenticate().authenticate(result.token());
        assertThat(identity.guest()).isTrue();
        assertThat(identity.name()).isEqualTo(Username.of(name));
        assertThat(chat.core.authenticate().me(result.token()).guest()).isTrue();
        assertThat(chat.ports.users().list()).isEmpty();
    }

    @Test
    void a_guest_may_not_use_a_registered_users_name_in_any_case() {
        ChatScenario chat = ChatScenario.start();
        String name = TestNames.unique("Owner_");
        chat.register(name);

        assertRejected(() -> chat.core.enterAsGuest().enterAsGuest(name.toUpperCase()), ErrorCode.NAME_TAKEN);
    }

    @Test
    void a_guest_with_a_bad_display_name_is_rejected_on_the_name_field() {
        ChatScenario chat = ChatScenario.start();

        assertInvalid(() -> chat.core.enterAsGuest().enterAsGuest("no"), "name");
        assertInvalid(() -> chat.core.enterAsGuest().enterAsGuest(null), "name");
    }

    @Test
    void authenticating_a_missing_blank_or_unknown_token_is_unauthorized() {
        ChatScenario chat = ChatScenario.start();
        chat.newUser();

        assertRejected(() -> chat.core.authenticate().authenticate(null), ErrorCode.UNAUTHORIZED);
        assertRejected(() -> chat.core.authenticate().authenticate("  "), ErrorCode.UNAUTHORIZED);
        assertRejected(() -> chat.core.authenticate().authenticate(TestNames.unique("forged-")), ErrorCode.UNAUTHORIZED);
        assertRejected(() -> chat.core.authenticate().me(TestNames.unique("forged-")), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void an_unused_session_expires_after_24_hours() {
        ChatScenario chat = ChatScenario.start();
        String token = chat.register(TestNames.user().value()).token();

        chat.clock.advance(Duration.ofHours(24));

        assertRejected(() -> chat.core.authenticate().authenticate(token), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void a_session_that_is_used_slides_its_expiry_and_expires_24_hours_after_its_last_use() {
        ChatScenario chat = ChatScenario.start();
        String token = chat.register(TestNames.user().value()).token();

        chat.clock.advance(Duration.ofHours(23));
        chat.core.authenticate().authenticate(token);
        chat.clock.advance(Duration.ofHours(23));
        chat.core.authenticate().me(token);
        chat.clock.advance(Duration.ofHours(23));
        Identity stillValid = chat.core.authenticate().authenticate(token);
        chat.clock.advance(Duration.ofHours(24).plusSeconds(1));

        assertThat(stillValid.guest()).isFalse();
        assertRejected(() -> chat.core.authenticate().authenticate(token), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void logging_out_revokes_that_session_only() {
        ChatScenario chat = ChatScenario.start();
        String name = TestNames.unique("Out_");
        String first = chat.register(name).token();
        String second = logIn(chat, name, PASSWORD).token();

        chat.core.logOut().logOut(first);
        chat.core.logOut().logOut(TestNames.unique("unknown-"));

        assertRejected(() -> chat.core.authenticate().authenticate(first), ErrorCode.UNAUTHORIZED);
        assertThat(chat.core.authenticate().authenticate(second).name()).isEqualTo(Username.of(name));
    }

    @Test
    void an_attackers_failed_logins_from_one_address_never_lock_the_owner_out_from_another() {
        ChatScenario chat = ChatScenario.start();
        String owner = TestNames.unique("Own_");
        chat.register(owner);
        String attacker = address();

        ChatException refused = failUntilRefused(chat, owner, attacker);

        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(((ChatException.RateLimited) refused).retryAfter()).isPositive();
        assertRejected(() -> logIn(chat, owner, PASSWORD, attacker), ErrorCode.RATE_LIMITED);
        assertThat(logIn(chat, owner, PASSWORD, address()).user().username()).isEqualTo(Username.of(owner));
    }

    @Test
    void failed_logins_spread_over_many_addresses_never_lock_the_owner_out() {
        ChatScenario chat = ChatScenario.start();
        String owner = TestNames.unique("Own_");
        chat.register(owner);

        for (int i = 0; i < 100; i++) {
            String from = address();
            for (int j = 0; j < 3; j++) {
                assertRejected(() -> logIn(chat, owner, WRONG_PASSWORD, from), ErrorCode.UNAUTHORIZED);
            }
        }

        assertThat(logIn(chat, owner, PASSWORD, address()).user().username()).isEqualTo(Username.of(owner));
    }

    @Test
    void persistent_guessing_from_one_address_waits_a_minute_at_first_and_then_much_longer() {
        ChatScenario chat = ChatScenario.start();
        String owner = TestNames.unique("Own_");
        chat.register(owner);
        String attacker = address();
        List<Duration> waits = new ArrayList<>();

        for (int round = 0; round < 100 && (waits.isEmpty() || waits.getLast().compareTo(Duration.ofMinutes(1)) <= 0); round++) {
            Duration wait = ((ChatException.RateLimited) failUntilRefused(chat, owner, attacker)).retryAfter();
            waits.add(wait);
            chat.clock.advance(wait);
        }

        assertThat(waits.getFirst()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(waits.getLast()).as("waits: " + waits).isGreaterThan(Duration.ofMinutes(1))
                .isLessThanOrEqualTo(Duration.ofHours(1));
    }

    @Test
    void successful_logins_give_their_attempt_back() {
        ChatScenario chat = ChatScenario.start();
        String name = TestNames.unique("Ok_");
        chat.register(name);
        String from = address();

        for (int i = 0; i < 50; i++) {
            logIn(chat, name, PASSWORD, from);
        }

        assertRejected(() -> logIn(chat, name, WRONG_PASSWORD, from), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void failed_logins_against_many_accounts_from_one_address_are_refused_by_the_address_limit() {
        ChatScenario chat = ChatScenario.start();
        String attacker = address();
        ChatException refused = null;

        for (int i = 0; i < 1_000 && refused == null; i++) {
            ChatException rejection = ChatScenario.rejection(() -> logIn(chat, TestNames.unique("Nobody_"), PASSWORD, attacker));
            refused = rejection.code() == ErrorCode.UNAUTHORIZED ? null : rejection;
        }

        assertThat(refused).as("refused before 1000 failures").isNotNull();
        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertRejected(() -> logIn(chat, TestNames.unique("Nobody_"), PASSWORD, address()), ErrorCode.UNAUTHORIZED);
    }

    @Test
    void a_guest_was_created_when_its_token_was_made() {
        ChatScenario chat = ChatScenario.start();
        Instant made = chat.clock.instant();

        AuthResult result = chat.core.enterAsGuest().enterAsGuest(TestNames.unique("Guest_"));
        chat.clock.advance(Duration.ofHours(2));

        assertThat(result.user().createdAt()).isEqualTo(made);
        assertThat(chat.core.authenticate().me(result.token()).createdAt()).isEqualTo(made);
    }

    @Test
    void a_name_in_another_script_registers_and_logs_in() {
        ChatScenario chat = ChatScenario.start();

        AuthResult result = chat.register("\u00e9fo7xm4");

        assertThat(result.user().username()).isEqualTo(Username.of("\u00e9fo7xm4"));
        assertThat(logIn(chat, "\u00c9FO7XM4", PASSWORD).user().username()).isEqualTo(Username.of("\u00e9fo7xm4"));
        assertRejected(() -> chat.register("\u00c9fo7xm4"), ErrorCode.CONFLICT);
    }

    @Test
    void a_registration_whose_session_cannot_be_stored_changes_nothing_and_can_be_retried() {
        Failing failing = new Failing();
        String name = TestNames.unique("Half_");
        failing.sessionsDown = true;

        assertRejected(() -> failing.register(name), ErrorCode.UNAVAILABLE);

        assertThat(failing.memory.users().list()).isEmpty();
        assertThat(failing.memory.blobs().get(AvatarService.key(Username.of(name)))).isEmpty();
        failing.sessionsDown = false;
        AuthResult retried = failing.register(name);
        assertThat(retried.user().username()).isEqualTo(Username.of(name));
        assertThat(failing.core.authenticate().authenticate(retried.token()).name()).isEqualTo(Username.of(name));
    }

    @Test
    void a_registration_that_fails_after_writing_the_account_leaves_neither_account_nor_session() {
        Failing failing = new Failing();
        String name = TestNames.unique("Bug_");
        failing.blobsBroken = true;

        assertThatThrownBy(() -> failing.register(name)).isInstanceOf(IllegalStateException.class);

        assertThat(failing.memory.users().list()).isEmpty();
        assertThat(failing.savedSessions).allSatisfy(hash -> assertThat(failing.memory.sessions().find(hash)).isEmpty());
        failing.blobsBroken = false;
        assertThat(failing.register(name).user().username()).isEqualTo(Username.of(name));
    }

    /** A core on in-memory ports whose session store can be down and whose blob store can have a bug. */
    private static final class Failing {
        final MutableClock clock = MutableClock.atEpochDay();
        final ChatPorts memory = ChatPorts.inMemory(new FastTestHasher(), ChatSettings.DEFAULT, clock);
        final List<String> savedSessions = new CopyOnWriteArrayList<>();
        volatile boolean sessionsDown;
        volatile boolean blobsBroken;
        final ChatCore core = ChatCore.create(memory.withSessions(new SessionStore() {
            @Override
            public void save(Session session) {
                if (sessionsDown) {
                    throw new ChatException.Unavailable("the session store is down");
                }
                memory.sessions().save(session);
                savedSessions.add(session.tokenHash());
            }

            @Override
            public Optional<Session> find(String tokenHash) {
                return memory.sessions().find(tokenHash);
            }

            @Override
            public void extend(String tokenHash, Instant expiresAt) {
                memory.sessions().extend(tokenHash, expiresAt);
            }

            @Override
            public void delete(String tokenHash) {
                memory.sessions().delete(tokenHash);
            }

            @Override
            public void deleteAllOf(String identityKey) {
                memory.sessions().deleteAllOf(identityKey);
            }

            @Override
            public long lastRevocation() {
                return memory.sessions().lastRevocation();
            }

            @Override
            public List<Revocation> revocationsAfter(long after, int max) {
                return memory.sessions().revocationsAfter(after, max);
            }
        }).withBlobs(new BlobStore() {
            @Override
            public void put(String key, byte[] content, String contentType) {
                if (blobsBroken) {
                    throw new IllegalStateException("a bug in the blob store");
                }
                memory.blobs().put(key, content, contentType);
            }

            @Override
            public Optional<Blob> get(String key) {
                return memory.blobs().get(key);
            }

            @Override
            public void delete(String key) {
                memory.blobs().delete(key);
            }
        }), ChatSettings.DEFAULT, clock);

        AuthResult register(String name) {
            return core.register().register(new RegisterCommand(name, PASSWORD, null), address());
        }
    }

    /** The current format is {@link FastTestHasher}'s; "legacy$&lt;password&gt;" is an old one that needs replacing. */
    private static final class LegacyAwareHasher implements PasswordHasher {

        private static final String LEGACY = "legacy$";
        private final FastTestHasher current = new FastTestHasher();

        static String legacyHash(String password) {
            return LEGACY + password;
        }

        @Override
        public String hash(String password) {
            return current.hash(password);
        }

        @Override
        public boolean verify(String password, String encodedHash) {
            return encodedHash.startsWith(LEGACY) ? encodedHash.equals(legacyHash(password))
                    : current.verify(password, encodedHash);
        }

        @Override
        public boolean needsRehash(String encodedHash) {
            return encodedHash.startsWith(LEGACY);
        }
    }
}
