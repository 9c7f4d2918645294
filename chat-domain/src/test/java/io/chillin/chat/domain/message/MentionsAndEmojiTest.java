package io.chillin.chat.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.domain.ChatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The v2 rules of what a text mentions, what an emoji may be and what a reply quotes (docs/PROTOCOL.md). */
class MentionsAndEmojiTest {

    @Test
    void a_mention_is_at_name_not_preceded_or_followed_by_a_name_character_distinct_in_order_of_first_appearance() {
        assertThat(Mentions.candidates("@Bob hi @alice, and @bob again (@carol_1) @dave-x.")).containsExactly("bob", "alice",
                "carol_1", "dave-x");
        assertThat(Mentions.candidates("mail bob@example.com or a_@bob or -@bob or 1@bob")).isEmpty();
        assertThat(Mentions.candidates("@@bob @ bob @bo")).containsExactly("bob");
        assertThat(Mentions.candidates("@Zoë and @名前です")).containsExactly("zoë", "名前です");
        assertThat(Mentions.candidates("@" + "x".repeat(21))).as("longer than any username").isEmpty();
        assertThat(Mentions.candidates("no at sign")).isEmpty();
    }

    @Test
    void every_distinct_name_of_a_long_text_is_a_candidate() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 90; i++) {
            text.append("@user").append(i).append(' ');
        }
        assertThat(Mentions.candidates(text.toString())).hasSize(90).startsWith("user0", "user1").endsWith("user89");
    }

    @ParameterizedTest
    @ValueSource(strings = {"👍", "❤️", "👨‍👩‍👧‍👦", "🇫🇷", "+1", "sixteen-chars-ok"})
    void emoji_of_one_to_sixteen_code_points_without_whitespace_are_accepted(String emoji) {
        assertThat(Emoji.of(emoji).value()).isEqualTo(emoji);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "\t", "x\n", "\u0007", "seventeen-chars-x", "\u00a0", "\u2003"})
    void other_emoji_are_refused_naming_the_field(String emoji) {
        assertThatThrownBy(() -> Emoji.of(emoji)).isInstanceOfSatisfying(ChatException.Invalid.class,
                e -> assertThat(e.field()).isEqualTo("emoji"));
    }

    @Test
    void a_lone_surrogate_is_no_emoji() {
        assertThatThrownBy(() -> Emoji.of("\ud83d")).isInstanceOf(ChatException.Invalid.class);
    }

    @Test
    void a_quote_is_the_first_hundred_code_points_of_the_current_text_and_empty_once_deleted() {
        String text = "😀".repeat(120);
        ReplyQuote quote = ReplyQuote.of(3, io.chillin.chat.domain.user.Username.of("alice"), text, false);
        assertThat(quote.text().codePointCount(0, quote.text().length())).isEqualTo(100);
        assertThat(ReplyQuote.of(3, io.chillin.chat.domain.user.Username.of("alice"), text, true).text()).isEmpty();
    }

    @Test
    void nobody_can_send_the_empty_text_of_a_deleted_message() {
        assertThatThrownBy(() -> MessageText.of("")).isInstanceOf(ChatException.Invalid.class);
        assertThat(MessageText.stored("").value()).isEmpty();
        assertThat(MessageText.stored("")).isSameAs(MessageText.DELETED);
        assertThat(MessageText.stored("hi")).isEqualTo(MessageText.of("hi"));
    }
}
