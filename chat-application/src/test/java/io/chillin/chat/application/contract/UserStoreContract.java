package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.port.out.UserStore;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.User;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserStore} must do. */
public abstract class UserStoreContract {

    protected abstract UserStore newStore();

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
}
