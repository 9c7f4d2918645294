package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import org.junit.jupiter.api.Test;

class PrivateRoomBrowserTest extends BrowserTest {

    @Test
    void a_private_room_refuses_a_wrong_password_and_admits_the_right_one() {
        String room = unique("vault-");
        ChatUser alice = desktopUser(unique("alice")).browseAsGuest();
        alice.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New room")).click();
        alice.page.getByLabel("Room name").fill(room);
        alice.page.getByLabel("Description (optional)").fill("Only for the team");
        alice.page.getByLabel("Password (optional)").fill("abc");
        assertThat(alice.page.getByText("The password needs at least 6 characters.")).isVisible();
        alice.page.getByLabel("Password (optional)").fill("opensesame");
        alice.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create room")).click();
        assertThat(alice.messageLog()).isVisible();
        assertThat(alice.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(room);
        alice.send("secret plans");
        assertThat(alice.bubble("secret plans")).hasAttribute("data-status", "sent");

        ChatUser bob = desktopUser(unique("bob")).browseAsGuest();
        assertThat(bob.roomCard(room)).containsText("(private)");
        bob.roomCard(room).click();
        bob.page.getByLabel("Room password").fill("wrong-password");
        bob.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join").setExact(true)).click();
        assertThat(bob.page.getByText("Wrong password for this room. Check it and try again.")).isVisible();
        assertThat(bob.messageLog()).hasCount(0);

        bob.page.getByLabel("Room password").fill("opensesame");
        bob.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join").setExact(true)).click();
        assertThat(bob.bubble("secret plans")).isVisible();
        assertThat(alice.membersPanel().getByText(bob.name)).isVisible();
    }

    @Test
    void opening_a_private_room_by_name_asks_for_its_password() {
        String room = unique("hidden-");
        String token = server.guestToken(unique("owner"));
        server.post("/api/rooms/create", token, java.util.Map.of("name", room, "password", "letmein1"), 201);

        ChatUser bob = desktopUser(unique("bob"));
        bob.openHome();
        bob.page.getByLabel("Display name").fill(bob.name);
        bob.page.getByLabel("Room", new Page.GetByLabelOptions().setExact(true)).fill(room);
        bob.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join room")).click();
        assertThat(bob.page.getByText("This room is private: enter its password to join.")).isVisible();
        bob.page.getByLabel("Room password").fill("not-it-at-all");
        bob.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join").setExact(true)).click();
        assertThat(bob.page.getByText("That password is not right. Check it and try again.")).isVisible();
        bob.page.getByLabel("Room password").fill("letmein1");
        bob.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join").setExact(true)).click();
        assertThat(bob.messageLog()).isVisible();
        assertThat(bob.page.getByText("No messages yet. Say hi!")).isVisible();
    }
}
