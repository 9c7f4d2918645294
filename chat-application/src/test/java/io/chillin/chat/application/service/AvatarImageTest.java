package io.chillin.chat.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.domain.user.Username;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Generated avatars: initials on a colour from the name, with nothing of the caller's text but its letters. */
class AvatarImageTest {

    /** The whole SVG: only the hue and the (letter or digit) initials vary. */
    private static final Pattern WHOLE_SVG = Pattern.compile(
            "<svg xmlns=\"http://www\\.w3\\.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\" role=\"img\""
                    + " aria-label=\"([\\p{L}\\p{Nd}?]{1,2})\">"
                    + "<rect width=\"64\" height=\"64\" rx=\"32\" fill=\"hsl\\((\\d{1,3}),55%,45%\\)\"/>"
                    + "<text x=\"32\" y=\"33\" dy=\"\\.35em\" text-anchor=\"middle\" font-family=\"system-ui,sans-serif\""
                    + " font-size=\"26\" font-weight=\"600\" fill=\"#fff\">([\\p{L}\\p{Nd}?]{1,2})</text></svg>");

    @ParameterizedTest
    @CsvSource({"john_doe, JD", "mary-jane, MJ", "ann__lee, AL", "x-y-z, XY", "émile_zola, ÉZ", "ab_1, A1",
            "alice_, Al", "bob, Bo", "R2d2, R2", "_-_, ?"})
    void initials_are_the_first_letter_and_the_first_after_a_separator_or_else_the_second(String name, String initials) {
        assertThat(AvatarImage.initials(name)).isEqualTo(initials);
    }

    @ParameterizedTest
    @CsvSource({"_alice, Al", "__bob_smith, BS", "-x, X"})
    void leading_separators_do_not_double_the_first_initial(String name, String initials) {
        assertThat(AvatarImage.initials(name)).isEqualTo(initials);
    }

    @Test
    void avatar_shows_the_initials_and_not_the_name() {
        String svg = AvatarImage.svg(Username.of("john_doe"));

        Matcher m = whole(svg);
        assertThat(m.group(1)).isEqualTo("JD");
        assertThat(m.group(3)).isEqualTo("JD");
        assertThat(svg).doesNotContain("john");
    }

    @Test
    void names_differing_only_in_case_get_the_same_colour() {
        String lower = hue(AvatarImage.svg(Username.of("alice_w")));

        assertThat(hue(AvatarImage.svg(Username.of("Alice_W")))).isEqualTo(lower);
        assertThat(hue(AvatarImage.svg(Username.of("ALICE_W")))).isEqualTo(lower);
    }

    @Test
    void the_colour_comes_from_the_name() {
        assertThat(hue(AvatarImage.svg(Username.of("alice")))).isNotEqualTo(hue(AvatarImage.svg(Username.of("bob"))));
        assertThat(hue(AvatarImage.svg(Username.of("zed")))).isEqualTo(hue(AvatarImage.svg(Username.of("zed"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Ωmega_x", "名前テスト", "𝒜bc_def", "a-_-b", "___", "9lives", "Ærø-ø"})
    void every_avatar_is_the_fixed_template_with_letters_only_filled_in(String name) {
        String svg = AvatarImage.svg(Username.of(name));

        Matcher m = whole(svg);
        assertThat(Integer.parseInt(m.group(2))).isBetween(0, 359);
        assertThat(m.group(1)).isEqualTo(m.group(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "&lt;b&gt;", "a_<b>", "-\"",
            "<", "x_&amp;", "'; DROP TABLE users; --", "]]><!--"})
    void initials_of_hostile_text_hold_nothing_but_letters_and_digits(String text) {
        assertThat(AvatarImage.initials(text)).matches("[\\p{L}\\p{Nd}]{1,2}|\\?");
    }

    private static Matcher whole(String svg) {
        Matcher m = WHOLE_SVG.matcher(svg);
        assertThat(m.matches()).as("SVG is exactly the template: %s", svg).isTrue();
        return m;
    }

    private static String hue(String svg) {
        return whole(svg).group(2);
    }
}
