package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import io.chillin.chat.browser.support.WsGuest;
import org.junit.jupiter.api.Test;

class HistoryBrowserTest extends BrowserTest {

    @Test
    void older_history_loads_when_scrolling_to_the_top() {
        String room = unique("history-");
        try (WsGuest bob = WsGuest.connect(server).join(room, unique("bob"))) {
            for (int i = 1; i <= 120; i++) {
                bob.say(room, "history message " + i);
            }
            ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
            assertThat(alice.bubble("history message 120")).isVisible();
            assertThat(alice.bubble("history message 71")).hasCount(1);
            assertThat(alice.bubble("history message 70")).hasCount(0);

            for (int page = 0; page < 4 && alice.bubble("history message 1").count() == 0; page++) {
                alice.messageLog().evaluate("el => el.scrollTo({ top: 0 })");
                alice.page.waitForTimeout(400);
            }
            assertThat(alice.bubble("history message 1")).hasCount(1);
            assertThat(alice.page.locator(".msg-bubble")).hasCount(120);
            assertThat(alice.page.getByText("This is the beginning of #" + room + ".")).isVisible();
        }
    }

    @Test
    void a_new_messages_button_appears_when_reading_further_up() {
        String room = unique("scroll-");
        try (WsGuest bob = WsGuest.connect(server).join(room, unique("bob"))) {
            for (int i = 1; i <= 40; i++) {
                bob.say(room, "earlier message " + i);
            }
            ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
            assertThat(alice.bubble("earlier message 40")).isInViewport();

            // while at the bottom, new messages keep the view at the bottom
            bob.say(room, "seen at once");
            assertThat(alice.bubble("seen at once")).isInViewport();

            alice.messageLog().evaluate("el => el.scrollTo({ top: 0 })");
            bob.say(room, "arrived while reading");
            bob.say(room, "and another one");
            var jump = alice.page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new com.microsoft.playwright.Page.GetByRoleOptions().setName("2 new messages"));
            assertThat(jump).isVisible();
            assertThat(alice.bubble("and another one")).not().isInViewport();
            jump.click();
            assertThat(alice.bubble("and another one")).isInViewport();
            assertThat(jump).isHidden();
        }
    }
}
