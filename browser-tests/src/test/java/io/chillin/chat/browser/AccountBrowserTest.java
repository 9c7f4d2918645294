package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import org.junit.jupiter.api.Test;

class AccountBrowserTest extends BrowserTest {

    @Test
    void forms_explain_mistakes_while_typing() {
        ChatUser user = desktopUser("x").openHome();
        Page page = user.page;
        page.getByLabel("Display name").fill("al");
        assertThat(page.getByText("The name is too short: at least 3 characters.")).isVisible();
        page.getByLabel("Display name").fill("al ice");
        assertThat(page.getByText("Use only letters, digits, _ and - (no spaces).")).isVisible();
        page.getByLabel("Display name").fill("alice");
        assertThat(page.getByText("3–20 letters, digits, _ or -")).isVisible();
        page.getByLabel("Room", new Page.GetByLabelOptions().setExact(true)).fill("r".repeat(31));
        assertThat(page.getByText("The room name can have at most 30 characters.")).isVisible();

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Register")).click();
        page.getByLabel("Password").fill("12345");
        assertThat(page.getByText("The password needs at least 6 characters.")).isVisible();
        assertThat(page.getByLabel("Password")).hasAttribute("aria-invalid", "true");
    }

    @Test
    void registering_logging_in_and_server_errors_in_words() {
        String name = unique("dana");
        ChatUser dana = desktopUser(name).openHome();
        Page page = dana.page;
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Register")).click();
        page.getByLabel("Username").fill(name);
        page.getByLabel("Password").fill("correct horse");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Rooms").setExact(true))).isVisible();
        assertThat(page.locator(".user-chip")).containsText(name);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        assertThat(page.getByLabel("Display name")).isVisible();

        // the same name again: the server's CONFLICT, said in words next to the field
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Register")).click();
        page.getByLabel("Username").fill(name);
        page.getByLabel("Password").fill("another password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        assertThat(page.getByText("Username '" + name + "' is already taken.")).isVisible();

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Log in")).click();
        page.getByLabel("Username").fill(name);
        page.getByLabel("Password").fill("wrong password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.ALERT).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Wrong username or password."))).isVisible();
        page.getByLabel("Password").fill("correct horse");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Rooms").setExact(true))).isVisible();

        // a guest cannot take a registered name
        ChatUser impostor = desktopUser(name).openHome();
        impostor.page.getByLabel("Display name").fill(name);
        impostor.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Browse rooms")).click();
        assertThat(impostor.page.getByText("belongs to a registered user", new Page.GetByTextOptions())).isVisible();
    }

    @Test
    void a_reload_keeps_the_session_and_the_room() {
        String room = unique("stay-");
        ChatUser erin = desktopUser(unique("erin")).joinAsGuest(room);
        erin.send("still here?");
        assertThat(erin.bubble("still here?")).hasAttribute("data-status", "sent");
        erin.page.reload();
        assertThat(erin.bubble("still here?")).isVisible();
        assertThat(erin.page.locator(".user-chip")).containsText(erin.name);
        assertThat(erin.bubble("still here?")).hasCount(1);
    }
}
