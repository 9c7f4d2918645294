package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.assertions.LocatorAssertions;
import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import io.chillin.chat.browser.support.WsGuest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The room list follows the server's room-list events (the {@code watchRooms} extension) instead of
 * polling: once the server has acknowledged the watch, the client polls only every 60 s, so a change
 * that shows up within 2 s came from an event.
 */
class RoomListLiveBrowserTest extends BrowserTest {

    private static final LocatorAssertions.HasTextOptions WITHIN_2_S = new LocatorAssertions.HasTextOptions().setTimeout(2_000);

    @Test
    void member_counts_and_new_rooms_show_up_on_the_room_list_within_two_seconds() {
        String room = unique("watch-");
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        ChatUser carol = desktopUser(unique("carol")).browseAsGuest();

        // the rooms screen asked to watch over its WebSocket and the server said yes
        assertThat(carol.page.locator("main.rooms")).hasAttribute("data-room-watch", "active");
        assertThat(carol.roomCard(room).getByTestId("member-count")).hasText(Pattern.compile("^1"));
        assertThat(carol.roomCard(room)).containsText("by " + alice.name);

        try (WsGuest bob = WsGuest.connect(server)) {
            bob.join(room, unique("bob"));
            assertThat(carol.roomCard(room).getByTestId("member-count")).hasText(Pattern.compile("^2"), WITHIN_2_S);

            bob.leave(room);
            assertThat(carol.roomCard(room).getByTestId("member-count")).hasText(Pattern.compile("^1"), WITHIN_2_S);

            // a room created by a quick-join appears too (roomListChanged, then a fetch of that room)
            String created = unique("new-");
            bob.join(created, unique("bob"));
            assertThat(carol.roomCard(created).getByTestId("member-count"))
                    .hasText(Pattern.compile("^1"), WITHIN_2_S);
        }
    }
}
