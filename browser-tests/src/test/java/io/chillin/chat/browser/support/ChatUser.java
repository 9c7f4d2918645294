package io.chillin.chat.browser.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/** One person in one browser context, driving the UI the way a user would (labels, roles, keys). */
public final class ChatUser {

    public final String name;
    public final Page page;
    public final BrowserContext context;
    /** Uncaught errors in the page's scripts; a healthy client has none. */
    public final List<String> pageErrors = new CopyOnWriteArrayList<>();
    /** alert/confirm/prompt dialogs the page opened (an XSS would show up here). */
    public final List<String> dialogs = new CopyOnWriteArrayList<>();
    private final String baseUrl;

    ChatUser(String name, BrowserContext context, String baseUrl) {
        this.name = name;
        this.context = context;
        this.baseUrl = baseUrl;
        this.page = context.newPage();
        page.onPageError(pageErrors::add);
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                System.out.println("[" + name + " console] " + message.text());
            }
        });
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
    }

    public ChatUser openHome() {
        page.navigate(baseUrl);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Chat rooms that feel instant."))).isVisible();
        return this;
    }

    /** Home page: display name and room, then "Join room"; waits until the room's log is on screen. */
    public ChatUser joinAsGuest(String room) {
        openHome();
        page.getByLabel("Display name").fill(name);
        page.getByLabel("Room", new Page.GetByLabelOptions().setExact(true)).fill(room);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join room")).click();
        assertThat(messageLog()).isVisible();
        assertThat(page.locator(".messages-empty, .msg-group, .notice").first()).isVisible();
        return this;
    }

    /** Home page: display name, then "Browse rooms"; waits for the room list. */
    public ChatUser browseAsGuest() {
        openHome();
        page.getByLabel("Display name").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Browse rooms")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Rooms").setExact(true))).isVisible();
        return this;
    }

    public ChatUser logIn(String password) {
        openHome();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Log in")).click();
        page.getByLabel("Username").fill(name);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Rooms").setExact(true))).isVisible();
        return this;
    }

    /** The room card button in the room list. */
    public Locator roomCard(String room) {
        return page.locator("button.room-card[data-room=\"" + room.replace("\"", "\\\"") + "\"]");
    }

    public Locator messageLog() {
        return page.getByRole(AriaRole.LOG);
    }

    public Locator composer() {
        return page.locator(".composer textarea");
    }

    /** Types into the message box and presses Enter, like a person. */
    public ChatUser send(String text) {
        composer().fill(text);
        composer().press("Enter");
        return this;
    }

    /** Bubbles whose whole text is exactly {@code text}. */
    public Locator bubble(String text) {
        return page.locator(".msg-bubble").filter(new Locator.FilterOptions()
                .setHas(page.locator(".msg-text").filter(new Locator.FilterOptions()
                        .setHasText(exactly(text)))));
    }

    /**
     * A pattern matching exactly this text, written for JavaScript's RegExp (Playwright matches there,
     * so Java's \\Q...\\E quoting does not work); white space matches any white space run.
     */
    public static Pattern exactly(String text) {
        StringBuilder regex = new StringBuilder("^");
        for (String part : text.trim().split("\\s+", -1)) {
            if (regex.length() > 1) {
                regex.append("\\s+");
            }
            regex.append(part.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0"));
        }
        return Pattern.compile(regex.append("$").toString());
    }

    public Locator typingLine() {
        return page.getByTestId("typing");
    }

    public Locator membersPanel() {
        return page.locator(".members-list");
    }

    public Locator banner() {
        return page.locator(".banner");
    }

    /** Horizontal overflow of the whole page, in CSS pixels (0 when nothing scrolls sideways). */
    public int horizontalOverflow() {
        Object value = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        return ((Number) value).intValue();
    }
}
