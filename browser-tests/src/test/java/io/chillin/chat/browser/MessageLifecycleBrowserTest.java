package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import io.chillin.chat.browser.support.RunningServer;
import io.chillin.chat.browser.support.WsGuest;
import org.junit.jupiter.api.Test;

/** The v2 message lifecycle between two people in two browsers: reactions, edits, deletes and replies. */
class MessageLifecycleBrowserTest extends BrowserTest {

    @Test
    void a_quick_reaction_shows_on_both_screens_with_who_reacted_and_toggling_it_off_removes_it() {
        String room = unique("react-");
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        ChatUser bob = desktopUser(unique("bob")).joinAsGuest(room);
        bob.send("Pizza tonight?");
        String seq = alice.seqOf("Pizza tonight?");
        Locator onAlice = alice.messageAt(seq);
        Locator onBob = bob.messageAt(seq);

        alice.react(onAlice, "👍");
        Locator aliceChip = alice.reactionChip(onAlice, "👍");
        Locator bobChip = bob.reactionChip(onBob, "👍");
        assertThat(bobChip).hasAttribute("aria-label", "👍 1: " + alice.name);
        assertThat(bobChip).hasAttribute("aria-pressed", "false");
        assertThat(bobChip).hasAttribute("data-tooltip", alice.name + " reacted with 👍");
        assertThat(aliceChip).hasAttribute("aria-label", "👍 1: You");
        assertThat(aliceChip).hasAttribute("aria-pressed", "true");

        // bob adds his with the chip itself: two, and who
        bobChip.click();
        assertThat(aliceChip).hasAttribute("aria-label", "👍 2: You and " + bob.name);
        assertThat(aliceChip).containsText("2");
        assertThat(bobChip).hasAttribute("aria-label", "👍 2: You and " + alice.name);
        assertThat(bobChip).hasAttribute("aria-pressed", "true");

        // alice takes hers back with the chip, bob his with the same quick emoji again
        aliceChip.click();
        assertThat(bobChip).hasAttribute("aria-label", "👍 1: You");
        assertThat(aliceChip).hasAttribute("aria-label", "👍 1: " + bob.name);
        assertThat(aliceChip).hasAttribute("aria-pressed", "false");
        bob.react(onBob, "👍");
        assertThat(alice.reactionChip(onAlice, "👍")).hasCount(0);
        assertThat(bob.reactionChip(onBob, "👍")).hasCount(0);
        assertThat(onAlice.getByTestId("reaction-chip")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(stored(room, seq).get("reactions")).isEmpty();
    }

    @Test
    void an_edit_saved_with_enter_shows_on_both_screens_as_edited_and_escape_changes_nothing() {
        String room = unique("edit-");
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        ChatUser bob = desktopUser(unique("bob")).joinAsGuest(room);
        alice.send("Meet at 6?");
        String seq = bob.seqOf("Meet at 6?");
        // only the author may edit
        assertThat(bob.action(bob.messageAt(seq), "action-reply")).isVisible();
        assertThat(bob.messageAt(seq).getByTestId("action-edit")).hasCount(0);

        alice.edit(alice.messageAt(seq), "Meet at 7?");
        assertThat(bob.messageAt(seq).locator(".msg-text")).hasText("Meet at 7?");
        assertThat(bob.messageAt(seq).getByTestId("edited-marker")).hasText("(edited)");
        assertThat(alice.messageAt(seq).locator(".msg-text")).hasText("Meet at 7?");
        assertThat(alice.messageAt(seq).getByTestId("edited-marker")).hasText("(edited)");
        assertThat(alice.messageAt(seq).getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Edit message"))).hasCount(0);

        // Escape: the editor goes away and the message stays as it was
        alice.action(alice.messageAt(seq), "action-edit").click();
        Locator input = alice.messageAt(seq).getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Edit message"));
        assertThat(input).hasValue("Meet at 7?");
        assertThat(input).isFocused();
        input.fill("Meet at 9?");
        input.press("Escape");
        assertThat(input).hasCount(0);
        assertThat(alice.messageAt(seq).locator(".msg-text")).hasText("Meet at 7?");
        // anything sent before a later message arrives before it
        alice.send("see you there");
        assertThat(bob.message("see you there")).isVisible();
        assertThat(bob.messageAt(seq).locator(".msg-text")).hasText("Meet at 7?");
        JsonNode stored = stored(room, seq);
        org.assertj.core.api.Assertions.assertThat(stored.get("text").asText()).isEqualTo("Meet at 7?");
        org.assertj.core.api.Assertions.assertThat(stored.get("editedAt").isNull()).isFalse();
    }

    @Test
    void a_delete_is_confirmed_first_shows_on_both_screens_and_the_rooms_creator_may_delete_anothers_message() {
        String room = unique("delete-");
        // her quick-join creates the room (the server lets a creator moderate only with an account)
        ChatUser alice = registeredDesktopUser(unique("alice")).logIn(PASSWORD).openRoom(room);
        ChatUser bob = desktopUser(unique("bob")).joinAsGuest(room);
        bob.send("oops, wrong room");
        String seq = alice.seqOf("oops, wrong room");

        // "Cancel" keeps it
        bob.action(bob.messageAt(seq), "action-delete").click();
        Locator dialog = bob.page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Delete this message?"));
        assertThat(dialog).isVisible();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel").setExact(true)).click();
        assertThat(dialog).isHidden();
        assertThat(bob.messageAt(seq).locator(".msg-text")).hasText("oops, wrong room");

        bob.delete(bob.messageAt(seq));
        assertThat(bob.messageAt(seq).getByTestId("message-deleted")).hasText("Message deleted");
        assertThat(alice.messageAt(seq).getByTestId("message-deleted")).hasText("Message deleted");
        assertThat(alice.page.getByText("oops, wrong room")).hasCount(0);
        // nothing more can be done with it
        alice.messageAt(seq).hover();
        assertThat(alice.messageAt(seq).getByTestId("message-actions")).hasCount(0);

        // the room's creator removes someone else's message
        bob.send("cheap watches, click here");
        String spam = alice.seqOf("cheap watches, click here");
        assertThat(alice.action(alice.messageAt(spam), "action-delete")).isVisible();
        assertThat(alice.messageAt(spam).getByTestId("action-edit")).hasCount(0);
        alice.delete(alice.messageAt(spam));
        assertThat(bob.messageAt(spam).getByTestId("message-deleted")).hasText("Message deleted");
        assertThat(alice.messageAt(spam).getByTestId("message-deleted")).hasText("Message deleted");

        // bob created nothing here: no delete on alice's message for him
        alice.send("house rules: be kind");
        String rules = bob.seqOf("house rules: be kind");
        assertThat(bob.action(bob.messageAt(rules), "action-reply")).isVisible();
        assertThat(bob.messageAt(rules).getByTestId("action-delete")).hasCount(0);

        org.assertj.core.api.Assertions.assertThat(stored(room, seq).get("deleted").asBoolean()).isTrue();
        org.assertj.core.api.Assertions.assertThat(stored(room, spam).get("deleted").asBoolean()).isTrue();
        org.assertj.core.api.Assertions.assertThat(stored(room, rules).get("deleted").asBoolean()).isFalse();
    }

    @Test
    void a_reply_quotes_the_original_jumps_to_it_and_follows_its_edit() {
        String room = unique("reply-");
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        ChatUser bob = desktopUser(unique("bob")).joinAsGuest(room);
        String original = "Who is bringing the cake on Saturday? Chocolate, lemon or carrot, and does anyone know a bakery "
                + "that delivers before nine?";
        String excerpt = original.substring(0, original.offsetByCodePoints(0, 100));
        alice.send(original);
        String seq = bob.seqOf(original);
        try (WsGuest carol = WsGuest.connect(server).join(room, unique("carol"))) {
            for (int i = 1; i <= 30; i++) {
                carol.say(room, "small talk " + i);
            }
        }
        assertThat(bob.message("small talk 30")).isVisible();

        bob.action(bob.messageAt(seq), "action-reply").click();
        assertThat(bob.page.getByTestId("composer-reply")).containsText("Replying to " + alice.name);
        assertThat(bob.composer()).isFocused();
        bob.send("I will bring a lemon cake 🍋");
        assertThat(bob.page.getByTestId("composer-reply")).hasCount(0);

        Locator quote = alice.message("I will bring a lemon cake 🍋").getByTestId("reply-quote");
        assertThat(quote).hasAttribute("aria-label", "In reply to " + alice.name + ": " + excerpt + ". Show the original message.");
        assertThat(quote.locator(".msg-quote-text")).hasText(excerpt);
        assertThat(quote.locator(".msg-quote-author")).hasText(alice.name);

        // the original is far up; the quote takes alice there and marks it
        assertThat(alice.messageAt(seq)).not().isInViewport();
        quote.click();
        assertThat(alice.messageAt(seq)).hasAttribute("data-highlighted", "true");
        assertThat(alice.messageAt(seq)).isInViewport();

        // the original changes: the quote on bob's screen changes with it
        alice.edit(alice.messageAt(seq), "Who is bringing the cake?");
        Locator bobsQuote = bob.message("I will bring a lemon cake 🍋").getByTestId("reply-quote");
        assertThat(bobsQuote.locator(".msg-quote-text")).hasText("Who is bringing the cake?");
        assertThat(bobsQuote).hasAttribute("aria-label", "In reply to " + alice.name + ": Who is bringing the cake?. Show the original message.");
        assertThat(quote.locator(".msg-quote-text")).hasText("Who is bringing the cake?");
    }

    @Test
    void reacting_and_editing_work_with_the_keyboard_alone() {
        String room = unique("keys-");
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        ChatUser kim = desktopUser(unique("kim")).joinAsGuest(room);
        alice.send("Keyboard first");
        String aliceSeq = kim.seqOf("Keyboard first");
        Page page = kim.page;

        tabUntilFocused(kim, kim.composer(), "Tab");
        page.keyboard().type("my own line");
        page.keyboard().press("Enter");
        String ownSeq = alice.seqOf("my own line");

        // back up to alice's message: its toolbar shows while one of its buttons has the focus
        Locator aliceRow = kim.messageAt(aliceSeq);
        Locator react = aliceRow.getByTestId("action-react");
        tabUntilFocused(kim, react, "Shift+Tab");
        assertThat(aliceRow.getByTestId("message-actions")).hasCSS("opacity", "1");
        page.keyboard().press("Enter");
        Locator thumbs = aliceRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("React with 👍").setExact(true));
        assertThat(thumbs).isFocused();
        page.keyboard().press("Enter");
        assertThat(alice.reactionChip(alice.messageAt(aliceSeq), "👍")).hasAttribute("aria-label", "👍 1: " + kim.name);
        assertThat(react).isFocused();

        // Escape closes the quick reactions without reacting
        page.keyboard().press("Enter");
        assertThat(thumbs).isFocused();
        page.keyboard().press("Tab");
        page.keyboard().press("Escape");
        assertThat(thumbs).hasCount(0);
        assertThat(react).isFocused();

        // on to my own message: edit, Enter saves
        Locator ownRow = kim.messageAt(ownSeq);
        Locator edit = ownRow.getByTestId("action-edit");
        tabUntilFocused(kim, edit, "Tab");
        page.keyboard().press("Enter");
        Locator input = ownRow.getByRole(AriaRole.TEXTBOX, new Locator.GetByRoleOptions().setName("Edit message"));
        assertThat(input).isFocused();
        page.keyboard().type(", edited");
        page.keyboard().press("Enter");
        assertThat(alice.messageAt(ownSeq).locator(".msg-text")).hasText("my own line, edited");
        assertThat(alice.messageAt(ownSeq).getByTestId("edited-marker")).isVisible();
        assertThat(ownRow).isFocused();

        // and Escape leaves it as it is
        tabUntilFocused(kim, edit, "Tab");
        page.keyboard().press("Enter");
        assertThat(input).isFocused();
        page.keyboard().type(" and again");
        page.keyboard().press("Escape");
        assertThat(input).hasCount(0);
        assertThat(ownRow.locator(".msg-text")).hasText("my own line, edited");
        assertThat(ownRow).isFocused();
        assertThat(alice.reactionChip(alice.messageAt(aliceSeq), "👍")).hasCount(1);
        assertThat(alice.messageAt(aliceSeq).getByTestId("reaction-chip")).hasCount(1);
    }

    @Test
    void on_a_phone_a_long_press_opens_the_actions_and_a_tap_reacts() {
        String room = unique("touch-");
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        ChatUser pat = phoneUser(unique("pat")).joinAsGuest(room);
        alice.send("Tap and hold me");
        String seq = pat.seqOf("Tap and hold me");
        Locator row = pat.messageAt(seq);
        Locator toolbar = row.getByTestId("message-actions");
        assertThat(toolbar).hasCSS("opacity", "0");

        longPress(pat, row.locator(".msg-bubble"));
        assertThat(toolbar).hasCSS("opacity", "1");
        toolbar.getByTestId("action-react").tap();
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("React with 🎉").setExact(true)).tap();
        assertThat(alice.reactionChip(alice.messageAt(seq), "🎉")).hasAttribute("aria-label", "🎉 1: " + pat.name);
        assertThat(pat.reactionChip(row, "🎉")).hasAttribute("aria-pressed", "true");
        org.assertj.core.api.Assertions.assertThat(pat.horizontalOverflow()).as("phone chat with reactions").isLessThanOrEqualTo(0);

        // a tap somewhere else puts the actions away; a tap on my chip takes the reaction back
        pat.composer().tap();
        assertThat(toolbar).hasCSS("opacity", "0");
        pat.reactionChip(row, "🎉").tap();
        assertThat(alice.reactionChip(alice.messageAt(seq), "🎉")).hasCount(0);
        assertThat(pat.reactionChip(row, "🎉")).hasCount(0);
    }

    /** Presses {@code key} until {@code target} has the focus (at most 40 times), as a keyboard user would. */
    private static void tabUntilFocused(ChatUser user, Locator target, String key) {
        for (int i = 0; i < 40; i++) {
            if (target.count() == 1 && (Boolean) target.evaluate("el => el === document.activeElement")) {
                return;
            }
            user.page.keyboard().press(key);
        }
        assertThat(target).isFocused();
    }

    /** A finger on the screen for most of a second, then lifted. */
    private static void longPress(ChatUser user, Locator target) {
        BoundingBox box = target.boundingBox();
        CDPSession cdp = user.context.newCDPSession(user.page);
        JsonObject point = new JsonObject();
        point.addProperty("x", box.x + box.width / 2);
        point.addProperty("y", box.y + box.height / 2);
        JsonArray points = new JsonArray();
        points.add(point);
        JsonObject start = new JsonObject();
        start.addProperty("type", "touchStart");
        start.add("touchPoints", points);
        cdp.send("Input.dispatchTouchEvent", start);
        user.page.waitForTimeout(800); // holding the finger down is the gesture itself
        JsonObject end = new JsonObject();
        end.addProperty("type", "touchEnd");
        end.add("touchPoints", new JsonArray());
        cdp.send("Input.dispatchTouchEvent", end);
        cdp.detach();
    }

    private static JsonNode stored(String room, String seq) {
        JsonNode page = server.get("/api/rooms/" + RunningServer.encode(room) + "/messages?limit=100");
        for (JsonNode message : page.get("messages")) {
            if (message.get("seq").asText().equals(seq)) {
                return message;
            }
        }
        throw new AssertionError("no message " + seq + " in " + page);
    }
}
