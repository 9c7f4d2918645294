package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RealTimeChatBrowserTest extends BrowserTest {

    @Test
    void two_users_chat_in_real_time() {
        String room = unique("chat-");
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        ChatUser bob = desktopUser(unique("bob")).joinAsGuest(room);

        alice.send("Hi Bob! 👋");
        assertThat(bob.bubble("Hi Bob! 👋")).isVisible();
        assertThat(bob.bubble("Hi Bob! 👋")).hasAttribute("data-own", "false");
        assertThat(alice.bubble("Hi Bob! 👋")).hasAttribute("data-own", "true");
        assertThat(alice.bubble("Hi Bob! 👋")).hasAttribute("data-status", "sent");

        bob.send("Hello Alice!\nHow are you?");
        assertThat(alice.bubble("Hello Alice!\nHow are you?")).isVisible();
        assertThat(bob.bubble("Hello Alice!\nHow are you?")).hasAttribute("data-status", "sent");

        // the sender is named on the other side, the join notice is there, and nothing is shown twice
        assertThat(bob.page.locator(".msg-other .msg-author")).hasText(alice.name);
        assertThat(alice.page.locator(".notice").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(bob.name + " joined the room"))).isVisible();
        assertThat(alice.bubble("Hi Bob! 👋")).hasCount(1);
        assertThat(bob.bubble("Hi Bob! 👋")).hasCount(1);
    }

    @Test
    void shift_enter_makes_a_new_line_and_enter_sends() {
        String room = unique("keys-");
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        alice.composer().fill("first line");
        alice.composer().press("Shift+Enter");
        alice.composer().pressSequentially("second line");
        assertThat(alice.composer()).hasValue("first line\nsecond line");
        alice.composer().press("Enter");
        assertThat(alice.bubble("first line\nsecond line")).hasAttribute("data-status", "sent");
        assertThat(alice.composer()).hasValue("");
    }

    @Test
    void typing_and_presence_show_up_for_the_other_user() {
        String room = unique("presence-");
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        assertThat(alice.membersPanel().getByText(alice.name)).isVisible();

        ChatUser bob = desktopUser(unique("bob")).joinAsGuest(room);
        assertThat(alice.membersPanel().getByText(bob.name)).isVisible();
        assertThat(alice.page.locator(".members-count")).hasText("2");
        assertThat(bob.membersPanel().getByText(alice.name)).isVisible();

        bob.composer().pressSequentially("I am typ", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(30));
        assertThat(alice.typingLine()).hasText(bob.name + " is typing…");
        assertThat(bob.typingLine()).hasText("");

        bob.composer().press("Enter");
        assertThat(alice.bubble("I am typ")).isVisible();
        assertThat(alice.typingLine()).hasText("");

        bob.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Back to rooms")).click();
        assertThat(alice.membersPanel().getByText(bob.name)).hasCount(0);
        assertThat(alice.page.locator(".members-count")).hasText("1");
        assertThat(alice.page.locator(".notice").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(bob.name + " left the room"))).isVisible();
    }

    @Test
    void the_room_list_shows_member_counts_that_update_live() {
        String room = unique("live-");
        ChatUser carol = desktopUser(unique("carol")).browseAsGuest();
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        assertThat(carol.roomCard(room).getByTestId("member-count")).hasText(Pattern.compile("^1"));
        ChatUser bob = desktopUser(unique("bob")).joinAsGuest(room);
        assertThat(carol.roomCard(room).getByTestId("member-count")).hasText(Pattern.compile("^2"));
        assertThat(carol.roomCard(room)).containsText("by " + alice.name);
        bob.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Back to rooms")).click();
        assertThat(carol.roomCard(room).getByTestId("member-count")).hasText(Pattern.compile("^1"));
    }
}
