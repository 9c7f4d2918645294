package io.chillin.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomDescription;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Email;
import io.chillin.chat.domain.user.PasswordPolicy;
import io.chillin.chat.domain.user.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueRulesTest {

    private static void assertInvalid(Runnable r, String field) {
        assertThatThrownBy(r::run)
                .isInstanceOfSatisfying(ChatException.Invalid.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "Alice_99", "a-b-c", "ABCDEFGHIJKLMNOPQRST", "Zoë"})
    void usernames_of_3_to_20_allowed_characters_are_accepted(String name) {
        assertThat(Username.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "ABCDEFGHIJKLMNOPQRSTU", "has space", "bad!", "<script>", "tab\tname", "emoji😀x"})
    void usernames_breaking_the_rules_are_validation_errors_on_username(String name) {
        assertInvalid(() -> Username.of(name), "username");
    }

    @Test
    void username_is_trimmed_and_compared_ignoring_case() {
        assertThat(Username.of("  Alice ").value()).isEqualTo("Alice");
        assertThat(Username.of("Alice").sameAs(Username.of("aLICE"))).isTrue();
        assertThat(Username.of("Alice").key()).isEqualTo("alice");
    }

    @Test
    void username_validated_under_another_field_names_that_field() {
        assertInvalid(() -> Username.of("x", "name"), "name");
    }

    @Test
    void null_username_is_a_validation_error() {
        assertInvalid(() -> Username.of(null), "username");
    }

    @Test
    void password_policy_accepts_6_to_64_and_more_and_rejects_short() {
        PasswordPolicy policy = PasswordPolicy.DEFAULT;
        assertThat(policy.check("secret", "password")).isEqualTo("secret");
        assertThat(policy.check("x".repeat(64), "password")).hasSize(64);
        assertInvalid(() -> policy.check("12345", "password"), "password");
        assertInvalid(() -> policy.check(null, "password"), "password");
        assertInvalid(() -> policy.check("x".repeat(1025), "password"), "password");
    }

    @Test
    void password_policy_minimum_is_configurable() {
        PasswordPolicy strict = new PasswordPolicy(12, 128);
        assertInvalid(() -> strict.check("elevenchars", "password"), "password");
        assertThat(strict.check("twelve chars", "password")).isEqualTo("twelve chars");
    }

    @Test
    void room_name_is_trimmed_folded_and_limited_to_30_code_points() {
        assertThat(RoomName.of("  General   chat ").value()).isEqualTo("General chat");
        assertThat(RoomName.of("😀".repeat(30)).value()).hasSize(60);
        assertInvalid(() -> RoomName.of("x".repeat(31)), "room");
        assertInvalid(() -> RoomName.of("   "), "room");
        assertInvalid(() -> RoomName.of("bad\u0000name"), "room");
        assertInvalid(() -> RoomName.of("bell\u0007"), "room");
        assertThat(RoomName.of("Lobby").key()).isEqualTo(RoomName.of("LOBBY").key());
    }

    @Test
    void a_room_name_given_under_another_field_is_rejected_on_that_field() {
        assertThat(RoomName.of(" Lobby ", "name").value()).isEqualTo("Lobby");
        assertInvalid(() -> RoomName.of("x".repeat(31), "name"), "name");
        assertInvalid(() -> RoomName.of("bell\u0007", "roomName"), "roomName");
        assertInvalid(() -> RoomName.of(null, "roomName"), "roomName");
    }

    @Test
    void description_is_optional_and_at_most_200_characters() {
        assertThat(RoomDescription.of(null).value()).isEmpty();
        assertThat(RoomDescription.of("line one\nline two").value()).contains("\n");
        assertInvalid(() -> RoomDescription.of("d".repeat(201)), "description");
        assertInvalid(() -> RoomDescription.of("esc\u001b[31m"), "description");
    }

    @Test
    void message_text_counts_emoji_once_and_allows_newlines_and_tabs() {
        assertThat(MessageText.of("😀".repeat(500)).value().codePointCount(0, 1000)).isEqualTo(500);
        assertThat(MessageText.of("  a\n\tb  ").value()).isEqualTo("a\n\tb");
        assertInvalid(() -> MessageText.of("😀".repeat(501)), "text");
        assertInvalid(() -> MessageText.of("x".repeat(501)), "text");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t", "nul\u0000", "del\u007f", "c1\u0085", "lone\ud800"})
    void empty_or_control_character_messages_are_refused(String text) {
        assertInvalid(() -> MessageText.of(text), "text");
    }

    @Test
    void markup_is_just_text() {
        assertThat(MessageText.of("<img src=x onerror=alert(1)>").value()).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void temp_id_is_bounded_and_printable() {
        assertThat(TempId.of("t-1").value()).isEqualTo("t-1");
        assertInvalid(() -> TempId.of(""), "tempId");
        assertInvalid(() -> TempId.of("x".repeat(65)), "tempId");
        assertInvalid(() -> TempId.of("a\nb"), "tempId");
    }

    @Test
    void rooms_and_users_keep_their_creation_time_to_the_millisecond_as_stores_do() {
        java.time.Instant precise = java.time.Instant.parse("2026-11-29T17:17:46.496384080Z");
        java.time.Instant millis = java.time.Instant.parse("2026-11-29T17:17:46.496Z");
        assertThat(new io.chillin.chat.domain.room.Room(RoomName.of("r"), RoomDescription.NONE, Username.of("ann"), null,
                precise).createdAt()).isEqualTo(millis);
        assertThat(new io.chillin.chat.domain.user.User(Username.of("ann"), "h", "", precise).createdAt()).isEqualTo(millis);
    }

    @Test
    void email_is_optional_but_must_look_like_an_address() {
        assertThat(Email.normalise(null)).isEmpty();
        assertThat(Email.normalise(" a@b.io ")).isEqualTo("a@b.io");
        assertInvalid(() -> Email.normalise("not-an-address"), "email");
    }
}
