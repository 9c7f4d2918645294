package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edits, deletes and reactions made while one side is offline: each side's changes reach the other
 * after the reconnect, and the one who was away ends with the timeline of someone who never left.
 */
class OfflineChangesBrowserTest extends BrowserTest {

    private static final LocatorAssertions.HasTextOptions RECOVERY = new LocatorAssertions.HasTextOptions().setTimeout(30_000);

    /** What a timeline shows, the same from every reader's seat: texts, deletions, edits, quotes, reactions with counts. */
    private static final String TIMELINE = "[data-testid=message] :is(.msg-text, [data-testid=message-deleted], "
            + "[data-testid=edited-marker], [data-testid=reply-quote], [data-testid=reaction-chip])";

    @Test
    void changes_made_on_both_sides_while_one_is_offline_meet_after_the_reconnect() {
        String room = unique("away-");
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        ChatUser bob = desktopUser(unique("bob")).joinAsGuest(room);
        alice.send("Picnic on Saturday?");
        bob.send("I'll bring lemonade");
        bob.send("and sandwiches, proably");
        alice.send("Who has a blanket?");
        alice.send("Let's meet at the lake");
        String picnic = bob.seqOf("Picnic on Saturday?");
        String lemonade = bob.seqOf("I'll bring lemonade");
        String typo = bob.seqOf("and sandwiches, proably");
        String blanket = bob.seqOf("Who has a blanket?");
        String lake = bob.seqOf("Let's meet at the lake");
        assertThat(alice.messageAt(typo)).isVisible();

        bob.goOffline();
        assertThat(bob.banner()).containsText("You are offline");

        // bob changes things offline: his screen shows them at once
        bob.edit(bob.messageAt(typo), "and sandwiches, probably");
        bob.delete(bob.messageAt(lemonade));
        bob.react(bob.messageAt(picnic), "🎉");
        bob.react(bob.messageAt(lake), "❤️");
        assertThat(bob.messageAt(typo).locator(".msg-text")).hasText("and sandwiches, probably");
        assertThat(bob.messageAt(lemonade).getByTestId("message-deleted")).isVisible();
        assertThat(bob.reactionChip(bob.messageAt(picnic), "🎉")).hasAttribute("aria-pressed", "true");

        // alice, online, changes other things meanwhile (and deletes what bob just reacted to)
        alice.edit(alice.messageAt(blanket), "Who has a big blanket?");
        alice.delete(alice.messageAt(lake));
        alice.react(alice.messageAt(typo), "👍");
        alice.send("See you at noon");
        assertThat(alice.message("See you at noon")).hasAttribute("data-seq", java.util.regex.Pattern.compile("\\d+"));
        assertThat(alice.messageAt(typo).locator(".msg-text")).hasText("and sandwiches, proably");
        assertThat(bob.messageAt(blanket).locator(".msg-text")).hasText("Who has a blanket?");

        bob.goOnline();

        // bob's changes reach alice
        assertThat(alice.messageAt(typo).locator(".msg-text")).hasText("and sandwiches, probably", RECOVERY);
        assertThat(alice.messageAt(typo).getByTestId("edited-marker")).isVisible();
        assertThat(alice.messageAt(lemonade).getByTestId("message-deleted")).isVisible();
        assertThat(alice.reactionChip(alice.messageAt(picnic), "🎉")).hasAttribute("aria-label", "🎉 1: " + bob.name);
        // alice's reach bob
        assertThat(bob.banner()).hasAttribute("data-connection", "CONNECTED");
        assertThat(bob.messageAt(blanket).locator(".msg-text")).hasText("Who has a big blanket?");
        assertThat(bob.messageAt(blanket).getByTestId("edited-marker")).isVisible();
        assertThat(bob.messageAt(lake).getByTestId("message-deleted")).isVisible();
        assertThat(bob.reactionChip(bob.messageAt(typo), "👍")).hasAttribute("aria-label", "👍 1: " + alice.name);
        assertThat(bob.message("See you at noon")).isVisible();
        // the reaction to a message that is gone could not be kept, and bob is told so
        Locator refused = bob.page.getByTestId("action-error");
        assertThat(refused).hasAttribute("role", "alert");
        assertThat(refused).containsText("That message is gone.");
        refused.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Dismiss")).click();
        assertThat(refused).hasCount(0);

        // bob now shows what someone who never left shows, and what a newcomer loads
        ChatUser carol = desktopUser(unique("carol")).joinAsGuest(room);
        assertThat(carol.message("See you at noon")).isVisible();
        assertThat(carol.reactionChip(carol.messageAt(picnic), "🎉")).isVisible();
        List<String> truth = carol.page.locator(TIMELINE).allTextContents();
        org.assertj.core.api.Assertions.assertThat(truth).contains("Who has a big blanket?", "and sandwiches, probably", "Message deleted");
        String[] expected = truth.toArray(String[]::new);
        assertThat(alice.page.locator(TIMELINE)).hasText(expected);
        assertThat(bob.page.locator(TIMELINE)).hasText(expected);
        org.assertj.core.api.Assertions.assertThat(seqs(bob.page)).isEqualTo(seqs(carol.page)).isEqualTo(seqs(alice.page));
    }

    private static Object seqs(Page page) {
        return page.evaluate("() => [...document.querySelectorAll('[data-testid=message]')].map(m => m.dataset.seq)");
    }
}
