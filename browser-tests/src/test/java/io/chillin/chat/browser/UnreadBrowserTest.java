package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import org.junit.jupiter.api.Test;

/** Read markers (v2): unread and mention badges on the room list, the "New messages" line, and two tabs of one account. */
class UnreadBrowserTest extends BrowserTest {

    @Test
    void the_room_list_counts_what_is_unread_the_room_opens_at_a_new_messages_line_and_reading_clears_every_tab() {
        String room = unique("news-");
        String bobName = unique("bob");
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        alice.send("before you left");
        ChatUser bob = registeredDesktopUser(bobName).logIn(PASSWORD);
        ChatUser bobsOtherTab = secondTab(bob).openRooms();

        // never read: one unread message, in both tabs
        assertThat(unread(bob, room)).hasText("1 unread");
        assertThat(unread(bobsOtherTab, room)).hasText("1 unread");
        assertThat(mentions(bob, room)).hasCount(0);

        // bob reads it in the first tab: the other tab's badge goes
        bob.roomCard(room).click();
        assertThat(bob.message("before you left")).isVisible();
        assertThat(unread(bobsOtherTab, room)).hasCount(0);

        // bob is in another room while alice writes, the last one to him
        bob.openRoom(unique("elsewhere-"));
        alice.send("news one");
        alice.send("news two");
        alice.send("@" + bobName + " news three is for you");
        assertThat(unread(bobsOtherTab, room)).hasText("3 unread");
        assertThat(mentions(bobsOtherTab, room)).hasText("@1 mention");
        bob.backToRooms();
        assertThat(unread(bob, room)).hasText("3 unread");
        assertThat(mentions(bob, room)).hasText("@1 mention");

        // the room opens with the line before the first unread message
        bob.roomCard(room).click();
        Locator divider = bob.page.getByTestId("unread-divider");
        assertThat(divider).hasAttribute("aria-label", "New messages");
        assertThat(divider).hasAttribute("role", "separator");
        assertThat(bob.page.locator("[data-testid=unread-divider] + .msg-group [data-testid=message]").first())
                .containsText("news one");
        assertThat(bob.page.locator(".msg-group:has(+ [data-testid=unread-divider]) [data-testid=message]").last())
                .containsText("before you left");
        assertThat(bob.page.getByTestId("unread-divider")).hasCount(1);
        assertThat(bob.page.getByTestId("mention-me")).hasText("@" + bobName);

        // seen: the badges go in the other tab, and on this tab's list too
        assertThat(unread(bobsOtherTab, room)).hasCount(0);
        assertThat(mentions(bobsOtherTab, room)).hasCount(0);
        bob.backToRooms();
        assertThat(bob.roomCard(room)).isVisible();
        assertThat(unread(bob, room)).hasCount(0);
        assertThat(mentions(bob, room)).hasCount(0);

        // a mention while bob is on the list counts at once
        alice.send("@" + bobName + " and one more");
        assertThat(unread(bob, room)).hasText("1 unread");
        assertThat(mentions(bob, room)).hasText("@1 mention");
    }

    private static Locator unread(ChatUser user, String room) {
        return user.roomCard(room).getByTestId("unread-count");
    }

    private static Locator mentions(ChatUser user, String room) {
        return user.roomCard(room).getByTestId("mention-count");
    }
}
