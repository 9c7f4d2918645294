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
 * Makes the README's screenshots from a seeded, lively server: into target/screenshots, or into the
 * folder -Dchillin.screenshots.dir names (the README's are refreshed with ../docs/screenshots).
 */
class ScreenshotsBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String ROOM = "design-crew";

    @Test
    void screenshots_of_home_rooms_and_chat_on_desktop_and_phone_in_light_and_dark() throws Exception {
        Path dir = Path.of(System.getProperty("chillin.screenshots.dir", "target/screenshots")).toAbsolutePath().normalize();
        Files.createDirectories(dir);

        String alice = server.post("/api/auth/register", null, Map.of("username", "alice", "password", PASSWORD), 201)
                .get("token").asText();
        String bobToken = server.guestToken("bob");
        String carolToken = server.guestToken("carol");
        createRoom(alice, "lobby", "Say hello 👋 Everyone starts here.", null);
        createRoom(bobToken, ROOM, "Critiques, mockups and the occasional meme", null);
        createRoom(carolToken, "book-club", "This month: The Left Hand of Darkness", null);
        createRoom(bobToken, "gaming", "Looking for group, patch notes and highlight reels", null);
        createRoom(alice, "secret-lab", "Invite only. Bring snacks.", "lab-password");
        createRoom(carolToken, "random", "", null);

        List<Path> written = new ArrayList<>();
        try (WsGuest bob = WsGuest.connect(server, bobToken).join(ROOM);
             WsGuest carol = WsGuest.connect(server, carolToken).join(ROOM);
             WsGuest aliceElsewhere = WsGuest.connect(server, alice).join(ROOM);
             WsGuest dave = WsGuest.connect(server).join("lobby", "dave");
             WsGuest erin = WsGuest.connect(server).join("lobby", "erin");
             WsGuest frank = WsGuest.connect(server).join("gaming", "frank")) {
            bob.say(ROOM, "Morning! I pushed the new onboarding mockups 🎨");
            bob.say(ROOM, "Here they are: https://example.com/onboarding-v3");
            carol.say(ROOM, "Ooh, the illustrations look great");
            carol.say(ROOM, "Can we try the darker header on mobile?");
            aliceElsewhere.say(ROOM, "Love it! Two small things:\n1. The button copy feels long\n2. Card contrast in dark mode");
            bob.say(ROOM, "Good catch, fixing both now 👍");
            aliceElsewhere.leave(ROOM);

            for (boolean phone : new boolean[] {false, true}) {
                for (ColorScheme scheme : new ColorScheme[] {ColorScheme.LIGHT, ColorScheme.DARK}) {
                    String variant = (phone ? "phone" : "desktop") + "-" + (scheme == ColorScheme.DARK ? "dark" : "light");
                    ChatUser user = phone
                            ? user("alice", PHONE_WIDTH, PHONE_HEIGHT, scheme)
                            : user("alice", DESKTOP_WIDTH, DESKTOP_HEIGHT, scheme);

                    user.openHome();
                    written.add(shoot(user.page, dir.resolve("home-" + variant + ".png")));

                    user.logIn(PASSWORD);
                    assertThat(user.roomCard(ROOM)).isVisible();
                    assertThat(user.roomCard(ROOM).getByTestId("member-count")).hasText(java.util.regex.Pattern.compile("^2"));
                    // the previous variant's tab has gone: the same numbers in every picture
                    assertThat(user.page.getByText("6 rooms · 5 people online")).isVisible();
                    written.add(shoot(user.page, dir.resolve("rooms-" + variant + ".png")));

                    user.roomCard(ROOM).click();
                    assertThat(user.bubble("Good catch, fixing both now 👍")).isVisible();
                    carol.typing(ROOM);
                    assertThat(user.typingLine()).hasText("carol is typing…");
                    assertThat(user.page.locator(".members-count")).hasText("3");
                    assertThat(user.page.locator(".member")).hasCount(3);
                    written.add(shoot(user.page, dir.resolve("chat-" + variant + ".png")));
                    user.context.close();
                }
            }
        }
        for (Path png : written) {
            assertThat(Files.size(png)).as(png.toString()).isBetween(5_000L, 600_000L);
        }
        assertThat(written).hasSize(12);
    }

    private static void createRoom(String token, String name, String description, String password) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "description", description));
        if (password != null) {
            body.put("password", password);
        }
        server.post("/api/rooms/create", token, body, 201);
    }

    private static Path shoot(Page page, Path file) {
        page.mouse().move(1, 1); // no hover effects in the pictures
        page.waitForTimeout(300); // fonts and avatars settle
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setAnimations(ScreenshotAnimations.DISABLED)
                .setCaret(ScreenshotCaret.HIDE));
        return file;
    }
}
