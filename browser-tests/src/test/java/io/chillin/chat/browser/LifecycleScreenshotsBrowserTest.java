package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ScreenshotAnimations;
import com.microsoft.playwright.options.ScreenshotCaret;
import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import io.chillin.chat.browser.support.WsGuest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's pictures of v2 (reactions, an edit, a reply, a delete, a mention; unread and mention
 * badges), next to {@link ScreenshotsBrowserTest}'s: into target/screenshots, or the folder
 * -Dchillin.screenshots.dir names.
 */
class LifecycleScreenshotsBrowserTest extends BrowserTest {

    private static final String ROOM = "design-crew";

    @Test
    void screenshots_of_the_message_lifecycle_and_unread_badges_on_desktop_and_phone_in_light_and_dark() throws Exception {
        Path dir = Path.of(System.getProperty("chillin.screenshots.dir", "target/screenshots")).toAbsolutePath().normalize();
        Files.createDirectories(dir);

        String alice = register("alice");
        String bobToken = register("bob");
        String carolToken = register("carol");
        createRoom(bobToken, ROOM, "Critiques, mockups and the occasional meme");
        createRoom(alice, "lobby", "Say hello 👋 Everyone starts here.");
        createRoom(carolToken, "book-club", "This month: The Left Hand of Darkness");
        createRoom(bobToken, "gaming", "Looking for group, patch notes and highlight reels");

        List<Path> written = new ArrayList<>();
        try (WsGuest bob = WsGuest.connect(server, bobToken).join(ROOM);
             WsGuest carol = WsGuest.connect(server, carolToken).join(ROOM);
             WsGuest aliceElsewhere = WsGuest.connect(server, alice).join(ROOM);
             WsGuest dave = WsGuest.connect(server).join("lobby", "dave");
             WsGuest frank = WsGuest.connect(server).join("gaming", "frank")) {
            bob.say(ROOM, "Morning! I pushed the new onboarding mockups 🎨");
            long mockups = server.seqOf(ROOM, "Morning! I pushed the new onboarding mockups 🎨");
            carol.react(ROOM, mockups, "❤️");
            aliceElsewhere.react(ROOM, mockups, "❤️");
            carol.react(ROOM, mockups, "🎉");
            bob.say(ROOM, "Here is the link: https://example.com/old-draft");
            bob.delete(ROOM, server.seqOf(ROOM, "Here is the link: https://example.com/old-draft"));
            aliceElsewhere.say(ROOM, "Love it! The button copy feels long");
            long love = server.seqOf(ROOM, "Love it! The button copy feels long");
            aliceElsewhere.edit(ROOM, love, "Love it! The button copy feels a little long");
            bob.react(ROOM, love, "👍");
            carol.react(ROOM, love, "👍");
            bob.reply(ROOM, love, "Good catch, shortening it now");
            carol.say(ROOM, "@alice can you check the contrast in dark mode?");
            aliceElsewhere.markRead(ROOM, server.seqOf(ROOM, "@alice can you check the contrast in dark mode?"));
            aliceElsewhere.leave(ROOM);

            dave.say("lobby", "hi all, first time here");
            dave.say("lobby", "is there a room for board games?");
            dave.say("lobby", "found #gaming, thanks!");
            carol.join("book-club");
            carol.say("book-club", "Chapter 5 tonight, no spoilers please");
            carol.say("book-club", "@alice did you get the paperback?");
            carol.leave("book-club");
            frank.say("gaming", "LFG for the raid tonight");

            for (boolean phone : new boolean[] {false, true}) {
                for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
                    String variant = (phone ? "phone" : "desktop") + "-" + (scheme == ColorScheme.DARK ? "dark" : "light");
                    ChatUser user = phone
                            ? user("alice", PHONE_WIDTH, PHONE_HEIGHT, scheme)
                            : user("alice", DESKTOP_WIDTH, DESKTOP_HEIGHT, scheme);

                    user.logIn(PASSWORD);
                    assertThat(user.roomCard("lobby").getByTestId("unread-count")).hasText("3 unread");
                    assertThat(user.roomCard("book-club").getByTestId("unread-count")).hasText("2 unread");
                    assertThat(user.roomCard("book-club").getByTestId("mention-count")).hasText("@1 mention");
                    assertThat(user.roomCard("gaming").getByTestId("unread-count")).hasText("1 unread");
                    assertThat(user.roomCard(ROOM).getByTestId("unread-count")).hasCount(0);
                    written.add(shoot(user.page, dir.resolve("rooms-v2-" + variant + ".png")));

                    user.roomCard(ROOM).click();
                    assertThat(user.message("@alice can you check the contrast in dark mode?")).isVisible();
                    assertThat(user.page.getByTestId("mention-me")).hasText("@alice");
                    assertThat(user.page.getByTestId("reaction-chip")).hasCount(3);
                    assertThat(user.page.getByTestId("reply-quote")).hasCount(1);
                    assertThat(user.page.getByTestId("edited-marker")).hasCount(1);
                    assertThat(user.page.getByTestId("message-deleted")).hasCount(1);
                    assertThat(user.page.locator(".members-count")).hasText("3");
                    // the whole conversation is in the picture
                    assertThat(user.message("Morning! I pushed the new onboarding mockups 🎨")).isInViewport();
                    written.add(shoot(user.page, dir.resolve("chat-v2-" + variant + ".png")));
                    user.context.close();
                }
            }
        }
        for (Path png : written) {
            assertThat(Files.size(png)).as(png.toString()).isBetween(5_000L, 600_000L);
        }
        assertThat(written).hasSize(8);
    }

    private static String register(String name) {
        return server.post("/api/auth/register", null, Map.of("username", name, "password", PASSWORD), 201).get("token").asText();
    }

    private static void createRoom(String token, String name, String description) {
        server.post("/api/rooms/create", token, Map.of("name", name, "description", description), 201);
    }

    private static Path shoot(Page page, Path file) {
        page.mouse().move(1, 1); // no hover effects in the pictures
        page.waitForTimeout(300); // fonts and avatars settle
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setAnimations(ScreenshotAnimations.DISABLED)
                .setCaret(ScreenshotCaret.HIDE));
        return file;
    }
}
