package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponsiveLayoutBrowserTest extends BrowserTest {

    @Test
    void the_phone_sized_layout_has_no_horizontal_scrolling() {
        String room = unique("narrow-room-name-") ;
        String token = server.guestToken(unique("maker"));
        server.post("/api/rooms/create", token, Map.of("name", room,
                "description", "A description long enough to wrap across several lines on a phone screen without pushing anything sideways"), 201);

        ChatUser phone = phoneUser(unique("pat"));
        phone.openHome();
        assertThat(phone.horizontalOverflow()).as("home").isLessThanOrEqualTo(0);

        phone.browseAsGuest();
        assertThat(phone.roomCard(room)).isVisible();
        assertThat(phone.horizontalOverflow()).as("room list").isLessThanOrEqualTo(0);

        phone.roomCard(room).click();
        assertThat(phone.messageLog()).isVisible();
        phone.send("averyveryveryverylongwordwithoutanyspacesthatcouldpushthelayoutwiderthanthescreenifnotwrapped");
        phone.send("and a link https://example.com/a/very/long/path/that/goes/on/and/on/and/on?with=query&and=more");
        assertThat(phone.bubble("and a link https://example.com/a/very/long/path/that/goes/on/and/on/and/on?with=query&and=more"))
                .hasAttribute("data-status", "sent");
        assertThat(phone.horizontalOverflow()).as("chat").isLessThanOrEqualTo(0);

        // the members panel is collapsed on a phone and opens as a drawer
        assertThat(phone.page.locator(".members-aside")).isHidden();
        phone.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Show members"))).click();
        assertThat(phone.membersPanel().getByText(phone.name)).isVisible();
        assertThat(phone.horizontalOverflow()).as("chat with members open").isLessThanOrEqualTo(0);
        phone.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close members")).click();
        assertThat(phone.page.locator(".members-aside")).isHidden();
    }

    @Test
    void the_desktop_layout_shows_the_members_panel_beside_the_messages() {
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(unique("wide-"));
        assertThat(alice.page.locator(".members-aside")).isVisible();
        assertThat(alice.membersPanel().getByText(alice.name)).isVisible();
        assertThat(alice.horizontalOverflow()).isLessThanOrEqualTo(0);
    }
}
