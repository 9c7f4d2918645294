package io.chillin.chat.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * New names that could pass for others are refused (Unicode TR39); honest names of any script are not. Names that
 * could pass for each other share a skeleton.
 */
class LookAlikesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "\u0430dmin",          // Cyrillic а among Latin letters
            "p\u0430ypal",
            "\u0430d_min",         // '_' does not split a word
            "adm\u0456n-room",     // Cyrillic і
            "\u03bfscar",          // Greek ο
            "ad\u200Bmin",         // zero-width space
            "ad\u200Cmin",         // zero-width non-joiner
            "ad\u200Dmin",         // zero-width joiner between letters
            "admin\u2060",         // word joiner
            "\uFEFFadmin",         // byte order mark
            "ad\u00ADmin",         // soft hyphen
            "admin\u202Egnp.exe",  // right-to-left override
            "\u2066admin\u2069",   // isolates
            "admin\u200F",         // right-to-left mark
            "\u3164\u3164\u3164",  // Hangul fillers: a blank name
            "ad\u034Fmin",         // combining grapheme joiner
            "room \u0430dmin"      // one bad word in a room name
    })
    void a_name_that_could_pass_for_another_is_refused(String name) {
        assertThatThrownBy(() -> LookAlikes.refuse(name, "username"))
                .isInstanceOfSatisfying(ChatException.Invalid.class,
                        e -> assertThat(e.field()).isEqualTo("username"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "admin",
            "\u00e9fo7xm4",               // é: Latin
            "\u0432\u0430\u0441\u044f",   // вася: all Cyrillic
            "\u03b1\u03b8\u03ae\u03bd\u03b1", // Greek
            "\u5c71\u7530_taro",          // Han + Latin
            "\u3084\u307e\u3060\u592a\u90ce", // Hiragana + Han
            "\uae40\ucca0\uc218",         // Hangul
            "user_42-x",
            "\u041c\u043e\u0441\u043a\u0432\u0430 chat", // Москва chat: one script per word
            "Caf\u00e9 \u2615\uFE0F",     // emoji with its presentation selector
            "family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", // ZWJ between emoji
            "\u0645\u0631\u062d\u0628\u0627" // Arabic
    })
    void honest_names_of_any_script_pass(String name) {
        assertThatCode(() -> LookAlikes.refuse(name, "room")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
            "scope, \u0455\u0441\u043e\u0440\u0435",          // all Cyrillic: a whole-script look-alike
            "scope, \u0405\u0421\u041e\u0420\u0415",          // the same in capitals
            "Scope, sCOPE",                                  // case
            "paypal, paypaI",                                // capital I for l
            "pay1, payl",                                    // digit one for l
            "g00gle, gOOgle",                                // zeros for O
            "modern, rnodern",                               // r n for m
            "'scope room', '\u0455\u0441\u043e\u0440\u0435 room'",
            "'scope room', 'SC0PE ROOM'",                    // looks like the same name in capitals
            "hat, \u0397\u0391\u03a4",                      // Greek capitals: ΗΑΤ
            "'lobby 1', 'lobby\u00a0l'"                      // a no-break space for a space
    })
    void names_that_pass_for_each_other_share_a_skeleton(String name, String lookAlike) {
        assertThat(LookAlikes.skeleton(lookAlike)).isEqualTo(LookAlikes.skeleton(name));
    }

    @ParameterizedTest
    @CsvSource({
            "scope, scape",
            "caf\u00e9, cafe",             // an accent is more than a look-alike
            "alice, alice2",
            "mail, mall",
            "ali, all",
            "\u0432\u0430\u0441\u044f, \u0432\u0430\u0441\u0438", // вася, васи
            "'scope room', 'scope rooms'"
    })
    void names_that_differ_by_more_than_look_alike_characters_do_not(String name, String other) {
        assertThat(LookAlikes.skeleton(other)).isNotEqualTo(LookAlikes.skeleton(name));
    }

    @Test
    void usernames_and_room_names_have_the_skeleton_of_their_spelling() {
        assertThat(Username.of("\u0455\u0441\u043e\u0440\u0435").skeleton()).isEqualTo(Username.of("scope").skeleton());
        assertThat(RoomName.of("  \u0455\u0441\u043e\u0440\u0435   room ").skeleton())
                .isEqualTo(RoomName.of("Scope Room").skeleton());
    }
}
