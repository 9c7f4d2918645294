package io.chillin.chat.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.application.port.out.PasswordHasher;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordHasher} must do. */
public abstract class PasswordHasherContract {

    protected abstract PasswordHasher newHasher();

    private final PasswordHasher hasher = newHasher();

    @Test
    void a_hash_verifies_its_password_only() {
        String hash = hasher.hash("correct horse");
        assertThat(hasher.verify("correct horse", hash)).isTrue();
        assertThat(hasher.verify("correct horsE", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void hashes_are_salted_and_never_contain_the_password() {
        String a = hasher.hash("same password");
        String b = hasher.hash("same password");
        assertThat(a).isNotEqualTo(b).doesNotContain("same password");
    }

    @Test
    void fresh_hashes_need_no_rehash() {
        assertThat(hasher.needsRehash(hasher.hash("whatever1"))).isFalse();
    }

    @Test
    void long_and_unicode_passwords_work() {
        String password = "пароль-😀-".repeat(20);
        assertThat(hasher.verify(password, hasher.hash(password))).isTrue();
    }

    @Test
    void garbage_hashes_verify_nothing() {
        assertThat(hasher.verify("x", "")).isFalse();
        assertThat(hasher.verify("x", "not a hash")).isFalse();
        assertThat(hasher.verify("x", "$argon2id$v=19$m=1,t=1,p=1$%%%$%%%")).isFalse();
    }
}
