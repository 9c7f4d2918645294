package io.chillin.chat.browser.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ColorScheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;

/**
 * One real server and one headless Chromium per test class; a fresh browser context (its own
 * storage, like a separate person) per user. Every page must end its test without script errors.
 */
public abstract class BrowserTest {

    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 800;
    public static final int PHONE_WIDTH = 375;
    public static final int PHONE_HEIGHT = 812;

    /** The password of every account a test registers. */
    protected static final String PASSWORD = "correct horse battery";

    protected static RunningServer server;
    private static Playwright playwright;
    private static Browser browser;
    private final List<ChatUser> users = new ArrayList<>();

    @BeforeAll
    static void startServerAndBrowser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        server = RunningServer.start();
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stopServerAndBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void closeContextsAndCheckForScriptErrors(TestInfo test) {
        List<String> errors = new ArrayList<>();
        for (ChatUser user : users) {
            keepLastView(user, test);
            errors.addAll(user.pageErrors.stream().map(e -> user.name + ": " + e).toList());
            try {
                user.context.close();
            } catch (RuntimeException e) {
                // a second tab's context closes with the first
            }
        }
        users.clear();
        assertThat(errors).as("uncaught script errors in the pages").isEmpty();
    }

    /** What each page showed at the end, for looking into a failure: target/browser-test-pages. */
    private static void keepLastView(ChatUser user, TestInfo test) {
        try {
            if (!user.page.isClosed()) {
                String file = test.getTestMethod().map(m -> m.getName()).orElse("test") + "-" + user.name + ".png";
                user.page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "browser-test-pages", file))
                        .setTimeout(5_000));
            }
        } catch (RuntimeException e) {
            // a context that is already gone has nothing to show
        }
    }

    protected ChatUser desktopUser(String name) {
        return user(name, DESKTOP_WIDTH, DESKTOP_HEIGHT, ColorScheme.LIGHT);
    }

    protected ChatUser phoneUser(String name) {
        return user(name, PHONE_WIDTH, PHONE_HEIGHT, ColorScheme.LIGHT);
    }

    protected ChatUser user(String name, int width, int height, ColorScheme scheme) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setColorScheme(scheme)
                .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE)
                .setIsMobile(width < 600)
                .setHasTouch(width < 600)
                .setLocale("en-GB")
                .setTimezoneId("Europe/Berlin"));
        context.setDefaultTimeout(15_000);
        ChatUser user = new ChatUser(name, context, server.baseUrl());
        users.add(user);
        return user;
    }

    /** A registered account (over REST), logged in on a desktop browser: on the room list. */
    protected ChatUser registeredDesktopUser(String name) {
        server.post("/api/auth/register", null, java.util.Map.of("username", name, "password", PASSWORD), 201);
        return desktopUser(name);
    }

    /** The same person in a second tab of the same browser; its page is checked for script errors too. */
    protected ChatUser secondTab(ChatUser user) {
        ChatUser tab = user.anotherTab();
        users.add(tab);
        return tab;
    }

    /** A unique name for this run: names and rooms never collide between tests. */
    protected static String unique(String prefix) {
        return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36);
    }
}
