package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import org.junit.jupiter.api.Test;

class XssBrowserTest extends BrowserTest {

    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String SCRIPT = "<script>alert(2)</script>";
    private static final String FLAG = "<img src=y onerror=\"window.__pwned=1\"><svg onload=\"window.__pwned=2\">";
    private static final String JS_LINK = "javascript:alert(3) and https://example.com/safe";

    @Test
    void markup_in_messages_shows_literally_and_runs_nothing() {
        String room = unique("xss-");
        ChatUser mallory = desktopUser(unique("mallory")).joinAsGuest(room);
        ChatUser victim = desktopUser(unique("victim")).joinAsGuest(room);

        for (String text : new String[] {IMG, SCRIPT, FLAG, JS_LINK}) {
            mallory.send(text);
        }
        for (ChatUser user : new ChatUser[] {mallory, victim}) {
            assertThat(user.bubble(IMG)).hasCount(1);
            assertThat(user.bubble(SCRIPT)).hasCount(1);
            assertThat(user.bubble(FLAG)).hasCount(1);
            assertThat(user.bubble(JS_LINK)).hasCount(1);
            // no element came out of the text, and only the http(s) part is a link
            assertThat(user.messageLog().locator("img[src='x'], img[src='y'], script, svg[onload]")).hasCount(0);
            assertThat(user.bubble(JS_LINK).locator("a")).hasCount(1);
            assertThat(user.bubble(JS_LINK).locator("a")).hasAttribute("href", "https://example.com/safe");
        }
        // reloading renders the stored history: still text only
        victim.page.reload();
        assertThat(victim.bubble(IMG)).hasCount(1);
        victim.page.waitForTimeout(500);

        for (ChatUser user : new ChatUser[] {mallory, victim}) {
            org.assertj.core.api.Assertions.assertThat(user.dialogs).as("dialogs opened in %s's page", user.name).isEmpty();
            org.assertj.core.api.Assertions.assertThat(user.page.evaluate("() => window.__pwned === undefined"))
                    .as("injected handler ran in %s's page", user.name).isEqualTo(true);
        }
    }
}
