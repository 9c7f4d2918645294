package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.port.out.UserStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserStore} must do. */
public abstract class UserStoreContract {

    protected abstract UserStore newStore();

    /** "ѕсоре": all Cyrillic, a whole-script look-alike of "scope". */
    private static final String CYRILLIC_SCOPE = "\u0455\u0441\u043e\u0440\u0435";

    private UserStore store;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void setUpStore() {
        store = newStore();
    }

    @Test
    void created_user_is_found_by_name_ignoring_case() {
        Username name = TestNames.user();
        User user = new User(name, "hash-1", "a@b.io", now);
        store.create(user);
        assertThat(store.find(Username.of(name.value().toUpperCase(Locale.ROOT)))).contains(user);
    }

    @Test
    void many_users_are_found_in_one_call_ignoring_case_and_unknown_names_are_left_out() {
        Username alice = TestNames.user();
        Username bob = TestNames.user();
        store.create(new User(alice, "h", "", now));
        store.create(new User(bob, "h", "", now));
        List<User> found = store.findAll(List.of(Username.of(alice.value().toUpperCase(Locale.ROOT)), bob,
                TestNames.user(), bob));
        assertThat(found).extracting(User::username).containsExactlyInAnyOrder(alice, bob);
        assertThat(store.findAll(List.of())).isEmpty();
    }

    @Test
    void the_admin_role_is_granted_and_taken_back_and_goes_with_the_account() {
        Username name = TestNames.user();
        store.create(new User(name, "h", "", now));
        assertThat(store.isAdmin(name)).isFalse();
        store.setAdmin(Username.of(name.value().toUpperCase(Locale.ROOT)), true);
        assertThat(store.isAdmin(name)).isTrue();
        store.setAdmin(name, false);
        assertThat(store.isAdmin(name)).isFalse();
        store.setAdmin(name, true);
        store.delete(name);
        store.create(new User(name, "h", "", now));
        assertThat(store.isAdmin(name)).as("a new account of the name starts without it").isFalse();
        assertThat(store.isAdmin(TestNames.user())).isFalse();
        assertThatThrownBy(() -> store.setAdmin(TestNames.user(), true)).isInstanceOf(ChatException.NotFound.class);
    }

    @Test
    void unknown_user_is_empty() {
        assertThat(store.find(TestNames.user())).isEmpty();
    }

    @Test
    void a_name_differing_only_in_case_is_a_conflict_and_keeps_the_first() {
        Username name = TestNames.user();
        store.create(new User(name, "first", "", now));
        assertThatThrownBy(() -> store.create(new User(Username.of(name.value().toUpperCase(Locale.ROOT)), "second", "", now)))
                .isInstanceOf(ChatException.Conflict.class);
        assertThat(store.find(name).orElseThrow().passwordHash()).isEqualTo("first");
    }

    @Test
    void password_hash_can_be_replaced() {
        Username name = TestNames.user();
        store.create(new User(name, "old", "", now));
        store.updatePasswordHash(name, "new");
        assertThat(store.find(name).orElseThrow().passwordHash()).isEqualTo("new");
    }

    @Test
    void replacing_the_hash_of_an_unknown_user_is_not_found() {
        assertThatThrownBy(() -> store.updatePasswordHash(TestNames.user(), "x"))
                .isInstanceOf(ChatException.NotFound.class);
    }

    @Test
    void deleted_user_is_gone_and_its_name_free_again() {
        Username name = TestNames.user();
        store.create(new User(name, "h", "", now));
        store.delete(Username.of(name.value().toUpperCase(Locale.ROOT)));
        assertThat(store.find(name)).isEmpty();
        store.create(new User(name, "again", "", now));
        assertThat(store.find(name).orElseThrow().passwordHash()).isEqualTo("again");
    }

    @Test
    void deleting_an_unknown_user_is_not_found() {
        assertThatThrownBy(() -> store.delete(TestNames.user())).isInstanceOf(ChatException.NotFound.class);
    }

    @Test
    void list_holds_created_users() {
        Username a = TestNames.user();
        Username b = TestNames.user();
        store.create(new User(a, "h", "", now));
        store.create(new User(b, "h", "", now));
        assertThat(store.list()).extracting(User::username).contains(a, b);
    }

    @Test
    void a_look_alike_of_a_taken_name_is_a_conflict_naming_it_and_the_holder_keeps_it() {
        String digits = TestNames.digits();
        Username scope = Username.of("scope" + digits);
        store.create(new User(scope, "first", "", now));
        for (String lookAlike : List.of(CYRILLIC_SCOPE + digits, "SC0PE" + digits)) {
            assertThatThrownBy(() -> store.create(new User(Username.of(lookAlike), "second", "", now)))
                    .as(lookAlike).isInstanceOf(ChatException.Conflict.class).hasMessageContaining(scope.value());
            assertThat(store.find(Username.of(lookAlike))).as(lookAlike).isEmpty();
        }
        assertThat(store.find(scope).orElseThrow().passwordHash()).isEqualTo("first");
    }

    @Test
    void names_that_merely_share_letters_are_not_look_alikes() {
        String digits = TestNames.digits();
        List<Username> names = List.of("scope", "scape", "copes", "scopes", "sc\u00f6pe", "\u0455\u0441\u043e\u0440\u0430")
                .stream().map(name -> Username.of(name + digits)).toList();
        names.forEach(name -> store.create(new User(name, "h", "", now)));
        names.forEach(name -> assertThat(store.find(name)).as(name.value()).isPresent());
    }

    @Test
    void the_look_alike_of_a_name_is_the_account_of_the_same_key_or_the_same_skeleton() {
        String digits = TestNames.digits();
        User scope = new User(Username.of("Scope" + digits), "h", "", now);
        store.create(scope);
        assertThat(store.findLookAlike(Username.of("SCOPE" + digits))).contains(scope);
        assertThat(store.findLookAlike(Username.of(CYRILLIC_SCOPE + digits))).contains(scope);
        assertThat(store.findLookAlike(Username.of("scape" + digits))).isEmpty();
        assertThat(store.find(Username.of(CYRILLIC_SCOPE + digits))).as("find goes by the name itself").isEmpty();
    }

    @Test
    void a_deleted_account_frees_its_look_alikes() {
        String digits = TestNames.digits();
        Username scope = Username.of("scope" + digits);
        store.create(new User(scope, "h", "", now));
        store.delete(scope);
        Username cyrillic = Username.of(CYRILLIC_SCOPE + digits);
        store.create(new User(cyrillic, "again", "", now));
        assertThat(store.findLookAlike(scope).orElseThrow().username()).isEqualTo(cyrillic);
    }
}
