package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Browser notifications for mentions: only while the tab is hidden, once per message. The page's
 * {@code Notification} is wrapped by an init script that records each one it creates.
 */
class MentionNotificationBrowserTest extends BrowserTest {

    @Test
    void a_mention_notifies_a_hidden_tab_once_even_after_a_reconnect_and_a_replay_and_other_messages_do_not() {
        String room = unique("ping-");
        String bobName = unique("bob");
        String carolName = unique("carol");
        server.post("/api/auth/register", null, Map.of("username", carolName, "password", PASSWORD), 201);
        ChatUser bob = registeredDesktopUser(bobName).recordingNotifications().logIn(PASSWORD);
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        assertThat(bob.roomCard(room)).isVisible();
        bob.hideTab();

        // bob is on the room list, in another tab: the server sends him a mention frame
        alice.send("hello everyone");
        alice.send("@" + carolName + " this one is for carol");
        String mention = "@" + bobName + " can you review the mockups?";
        alice.send(mention);
        assertThat(bob.roomCard(room).getByTestId("mention-count")).hasText("@1 mention");
        assertThat(bob.notifications()).containsExactly(Map.of(
                "title", alice.name + " in #" + room,
                "body", mention,
                "tag", "chillin-mention:" + room + "#" + server.seqOf(room, mention)));

        // the connection drops and comes back: nothing is notified again
        Locator rooms = bob.page.locator("main.rooms");
        bob.goOffline();
        assertThat(rooms).hasAttribute("data-room-watch", "waiting");
        bob.goOnline();
        assertThat(rooms).hasAttribute("data-room-watch", "active");

        // still hidden, bob's tab opens the room (the mention comes again with the history), then
        // loses the connection while alice edits it (it comes again with the catch-up)
        bob.roomCard(room).click();
        assertThat(bob.message(mention)).isVisible();
        bob.goOffline();
        assertThat(bob.banner()).containsText("You are offline");
        String edited = "@" + bobName + " can you review the mockups today?";
        alice.edit(alice.message(mention), edited);
        assertThat(alice.message(edited).getByTestId("edited-marker")).isVisible();
        bob.goOnline();
        assertThat(bob.message(edited)).isVisible();
        alice.send("and a message without a mention");
        assertThat(bob.message("and a message without a mention")).isVisible();
        assertThat(bob.notifications()).hasSize(1);

        // a new mention while the tab is hidden (bob in the room): one more; shown again: none
        String second = "@" + bobName + " one more thing";
        alice.send(second);
        assertThat(bob.message(second)).isVisible();
        assertThat(bob.notifications()).extracting(n -> n.get("body")).containsExactly(mention, second);
        bob.showTab();
        alice.send("@" + bobName + " are you back?");
        assertThat(bob.message("@" + bobName + " are you back?")).isVisible();
        assertThat(bob.notifications()).hasSize(2);
    }

    @Test
    void the_notification_permission_is_asked_once_on_the_first_message_sent_and_remembered() {
        String room = unique("ask-");
        ChatUser dan = desktopUser(unique("dan")).recordingNotificationsUngranted().joinAsGuest(room);
        assertThat(dan.permissionRequests()).as("asked on joining").isZero();

        dan.send("first message");
        assertThat(dan.bubble("first message")).hasAttribute("data-status", "sent");
        assertThat(dan.permissionRequests()).isEqualTo(1);
        assertThat(dan.page.evaluate("() => localStorage.getItem('chillin.notifications.asked')")).isEqualTo("1");

        dan.send("second message");
        assertThat(dan.bubble("second message")).hasAttribute("data-status", "sent");
        assertThat(dan.permissionRequests()).isEqualTo(1);

        // a new page load remembers that it asked
        dan.page.reload();
        assertThat(dan.bubble("second message")).isVisible();
        dan.send("after a reload");
        assertThat(dan.bubble("after a reload")).hasAttribute("data-status", "sent");
        assertThat(dan.permissionRequests()).isZero();
        assertThat(dan.notifications()).isEqualTo(List.of());
    }
}
