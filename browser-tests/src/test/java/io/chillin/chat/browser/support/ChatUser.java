package io.chillin.chat.browser.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
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

    /**
     * Lets a test cut this page's WebSockets as a lost network would: `setOffline` alone stops HTTP
     * but leaves open sockets alone, and while the browser is offline new ones go nowhere.
     */
    private static final String NETWORK_SWITCH = """
            (() => {
              const Native = window.WebSocket;
              const open = new Set();
              class TestWebSocket extends Native {
                constructor(url, protocols) {
                  super(navigator.onLine === false ? 'ws://127.0.0.1:9/offline' : url, protocols);
                  open.add(this);
                  this.addEventListener('close', () => open.delete(this));
                }
              }
              window.WebSocket = TestWebSocket;
              window.__chillinNetwork = { cut: () => { for (const s of open) s.close(4000, 'network lost'); } };
            })();
            """;

    /**
     * Records each browser notification the page creates (the real one is still made), and lets a
     * test hide the tab as switching to another tab would.
     */
    private static final String NOTIFICATION_RECORDER = """
            (() => {
              window.__notifications = [];
              const Real = window.Notification;
              if (typeof Real === 'function') {
                function Recording(title, options) {
                  window.__notifications.push({ title, body: (options && options.body) || '', tag: (options && options.tag) || '' });
                  return new Real(title, options);
                }
                Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
                Recording.requestPermission = (...args) => {
                  window.__permissionRequests = (window.__permissionRequests || 0) + 1;
                  return Real.requestPermission(...args);
                };
                Recording.prototype = Real.prototype;
                window.Notification = Recording;
              }
              let hidden = false;
              const visibility = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState');
              Object.defineProperty(document, 'visibilityState', { configurable: true,
                get: () => hidden ? 'hidden' : visibility.get.call(document) });
              Object.defineProperty(document, 'hidden', { configurable: true, get: () => document.visibilityState === 'hidden' });
              window.__chillinTab = { setHidden: (value) => {
                hidden = value;
                document.dispatchEvent(new Event('visibilitychange'));
              } };
            })();
            """;

    ChatUser(String name, BrowserContext context, String baseUrl) {
        this(name, context, baseUrl, true);
    }

    private ChatUser(String name, BrowserContext context, String baseUrl, boolean firstTab) {
        this.name = name;
        this.context = context;
        this.baseUrl = baseUrl;
        if (firstTab) {
            context.addInitScript(NETWORK_SWITCH);
        }
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

    /** The same person in another tab of the same browser (same storage, so the same account). */
    public ChatUser anotherTab() {
        return new ChatUser(name + "-tab2", context, baseUrl, false);
    }

    /**
     * Grants notifications to the app and records the ones it shows (see {@link #notifications()});
     * call before the first page is opened.
     */
    public ChatUser recordingNotifications() {
        context.grantPermissions(List.of("notifications"), new BrowserContext.GrantPermissionsOptions().setOrigin(baseUrl.replaceAll("/$", "")));
        return recordingNotificationsUngranted();
    }

    /** Records notifications and permission requests without granting anything (the browser has not been asked yet). */
    public ChatUser recordingNotificationsUngranted() {
        context.addInitScript(NOTIFICATION_RECORDER);
        return this;
    }

    /** How often the page asked the browser for the notification permission. */
    public int permissionRequests() {
        return ((Number) page.evaluate("() => window.__permissionRequests || 0")).intValue();
    }

    /** Hides this tab (another tab is in front), as far as the page can tell. Needs {@link #recordingNotifications()}. */
    public void hideTab() {
        page.evaluate("() => window.__chillinTab.setHidden(true)");
    }

    public void showTab() {
        page.evaluate("() => window.__chillinTab.setHidden(false)");
    }

    /** The notifications this page created so far: title, body and tag of each. */
    @SuppressWarnings("unchecked")
    public List<Map<String, String>> notifications() {
        return (List<Map<String, String>>) page.evaluate("() => window.__notifications");
    }

    /** The network goes away: HTTP fails, open WebSockets drop, new ones cannot connect. */
    public void goOffline() {
        context.setOffline(true);
        page.evaluate("() => window.__chillinNetwork.cut()");
    }

    /** The network is back (the browser says "online"; the client reconnects on its own). */
    public void goOnline() {
        context.setOffline(false);
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

    /** Opens the room list by its address (a signed-in tab). */
    public ChatUser openRooms() {
        page.navigate(baseUrl + "#/rooms");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Rooms").setExact(true))).isVisible();
        return this;
    }

    /** Opens a room by its address, as a bookmark or a shared link would. */
    public ChatUser openRoom(String room) {
        page.navigate(baseUrl + "#/room/" + RunningServer.encode(room));
        assertThat(messageLog()).isVisible();
        return this;
    }

    /** Back from a room to the room list. */
    public ChatUser backToRooms() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Back to rooms")).click();
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

    /** The message row (v2) whose text is exactly {@code text}. */
    public Locator message(String text) {
        return page.getByTestId("message").filter(new Locator.FilterOptions()
                .setHas(page.locator(".msg-text").filter(new Locator.FilterOptions().setHasText(exactly(text)))));
    }

    /** The message row with this seq, whatever it shows now (edited, deleted). */
    public Locator messageAt(String seq) {
        return page.locator("[data-testid=message][data-seq=\"" + seq + "\"]");
    }

    /** Waits until the message with this text is stored and returns its seq. */
    public String seqOf(String text) {
        Locator row = message(text);
        assertThat(row).hasAttribute("data-seq", Pattern.compile("^\\d+$"));
        return row.getAttribute("data-seq");
    }

    /** The action button of a message, after pointing at the message as a mouse user would. */
    public Locator action(Locator row, String testId) {
        row.hover();
        return row.getByTestId("message-actions").getByTestId(testId);
    }

    /** React (toolbar), then the quick emoji. */
    public void react(Locator row, String emoji) {
        action(row, "action-react").click();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("React with " + emoji).setExact(true)).click();
    }

    public Locator reactionChip(Locator row, String emoji) {
        return row.locator("[data-testid=reaction-chip][data-emoji=\"" + emoji + "\"]");
    }

    /** Edit message, new text, Enter. */
    public void edit(Locator row, String newText) {
        assertThat(row).hasAttribute("data-seq", Pattern.compile("^\\d+$"));
        row = messageAt(row.getAttribute("data-seq")); // a row found by its text is not found while it is edited
        action(row, "action-edit").click();
        Locator input = row.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Edit message"));
        input.fill(newText);
        input.press("Enter");
    }

    /** Delete message, then "Delete" in the confirmation. */
    public void delete(Locator row) {
        action(row, "action-delete").click();
        Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Delete this message?"));
        assertThat(dialog).isVisible();
        dialog.getByTestId("confirm-delete").click();
        assertThat(dialog).isHidden();
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
