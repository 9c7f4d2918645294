package io.chillin.chat.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.contract.PasswordHasherContract;
import io.chillin.chat.application.port.out.PasswordHasher;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest extends PasswordHasherContract {

    @Override
    protected PasswordHasher newHasher() {
        return new Argon2PasswordHasher();
    }

    @Test
    void hashes_are_argon2id_with_owasp_cost_in_phc_format() {
        String hash = new Argon2PasswordHasher().hash("secret1");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void a_known_argon2id_vector_verifies() {
        // From the reference implementation (argon2 CLI): password "password", salt "somesalt", m=64 KiB, t=2, p=1.
        String reference = "$argon2id$v=19$m=64,t=2,p=1$c29tZXNhbHQ$FqGkmHNGCd0BRW2kBt6fPZ2pPmyGwwChL8FGUhTOSSI";
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();
        assertThat(hasher.verify("password", reference)).isTrue();
        assertThat(hasher.verify("Password", reference)).isFalse();
        assertThat(hasher.needsRehash(reference)).as("weaker than the current cost").isTrue();
    }

    @Test
    void a_reference_hash_at_the_owasp_cost_verifies_and_needs_no_rehash() {
        // From the argon2 CLI: password "correct horse", salt "saltsaltsaltsalt", m=19456 KiB, t=2, p=1.
        String reference = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$AdweBLwcflnNX2HVW8i1Mtu7frrn4Ki7h/rYSGuU7Is";
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();
        assertThat(hasher.verify("correct horse", reference)).isTrue();
        assertThat(hasher.needsRehash(reference)).isFalse();
    }

    @Test
    void legacy_sha256_hashes_of_the_old_app_verify_and_need_a_rehash() {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();
        // sha256("secret1") as the old app stored it
        String legacy = Argon2PasswordHasher.legacyHash("5b11618c2e44027877d0cd0921ed166b9f176f50587fc91e7534dd2946db77d6");
        assertThat(Argon2PasswordHasher.legacySha256("secret1"))
                .isEqualTo("5b11618c2e44027877d0cd0921ed166b9f176f50587fc91e7534dd2946db77d6");
        assertThat(hasher.verify("secret1", legacy)).isTrue();
        assertThat(hasher.verify("secret2", legacy)).isFalse();
        assertThat(hasher.needsRehash(legacy)).isTrue();
    }

    @Test
    void a_legacy_hash_strengthened_with_argon2id_verifies_the_password_and_asks_for_a_rehash() {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();
        String hex = Argon2PasswordHasher.legacySha256("secret1");

        String strengthened = hasher.strengthenLegacy(Argon2PasswordHasher.legacyHash(hex));

        assertThat(strengthened).startsWith("$argon2id-sha256$v=19$m=19456,t=2,p=1$").doesNotContain(hex);
        assertThat(hasher.verify("secret1", strengthened)).isTrue();
        assertThat(hasher.verify("secret2", strengthened)).isFalse();
        assertThat(hasher.verify(hex, strengthened)).as("the old digest is not the password").isFalse();
        assertThat(hasher.needsRehash(strengthened)).isTrue();
    }

    @Test
    void a_strengthened_hash_is_argon2id_of_the_old_apps_hex_digest() {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();
        String hex = Argon2PasswordHasher.legacySha256("secret1");

        String strengthened = hasher.strengthenLegacy(Argon2PasswordHasher.legacyHash(hex.toUpperCase()));

        String plain = "$argon2id" + strengthened.substring("$argon2id-sha256".length());
        assertThat(hasher.verify(hex, plain)).isTrue();
    }

    @Test
    void only_a_legacy_hash_can_be_strengthened() {
        Argon2PasswordHasher hasher = new Argon2PasswordHasher();

        assertThatThrownBy(() -> hasher.strengthenLegacy(hasher.hash("secret1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.strengthenLegacy("legacy-sha256$not-hex")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void absurd_memory_cost_in_a_stored_hash_is_refused_not_computed() {
        String hostile = "$argon2id$v=19$m=9999999,t=2,p=1$c29tZXNhbHQ$4g3gCXG3VZsKaJkq2jhmw+rVNAO/bGcnp5eVUYzTgHY";
        assertThat(new Argon2PasswordHasher().verify("password", hostile)).isFalse();
    }
}
