package io.chillin.chat.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.chillin.chat.browser.support.BrowserTest;
import io.chillin.chat.browser.support.ChatUser;
import io.chillin.chat.browser.support.RunningServer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReconnectBrowserTest extends BrowserTest {

    private static final LocatorAssertions.HasAttributeOptions RECOVERY = new LocatorAssertions.HasAttributeOptions().setTimeout(45_000);

    @Test
    void a_message_sent_while_the_server_is_down_is_delivered_once_after_it_comes_back() throws Exception {
        String room = unique("outage-");
        ChatUser alice = desktopUser(unique("alice")).joinAsGuest(room);
        ChatUser bob = desktopUser(unique("bob")).joinAsGuest(room);
        alice.send("before the outage");
        assertThat(bob.bubble("before the outage")).isVisible();

        server.stop();
        assertThat(alice.banner()).hasAttribute("data-connection", Pattern.compile("RECONNECTING|FAILED"));
        assertThat(alice.banner()).containsText("Reconnecting");

        alice.send("written while the server was down");
        assertThat(alice.bubble("written while the server was down")).hasAttribute("data-status", "queued");
        assertThat(alice.banner()).containsText("1 unsent message");
        bob.send("bob also wrote offline");
        assertThat(bob.bubble("bob also wrote offline")).hasAttribute("data-status", "queued");

        server.startAgain();

        assertThat(alice.bubble("written while the server was down")).hasAttribute("data-status", "sent", RECOVERY);
        assertThat(bob.bubble("bob also wrote offline")).hasAttribute("data-status", "sent", RECOVERY);
        assertThat(bob.bubble("written while the server was down")).hasCount(1);
        assertThat(alice.bubble("bob also wrote offline")).hasCount(1);
        assertThat(alice.banner()).hasAttribute("data-connection", "CONNECTED");

        // after things settle, still exactly once on both screens and in the store
        alice.page.waitForTimeout(1_500);
        assertThat(bob.bubble("written while the server was down")).hasCount(1);
        assertThat(alice.bubble("written while the server was down")).hasCount(1);
        assertThat(bob.bubble("before the outage")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(storedTexts(room))
                .containsOnlyOnce("before the outage", "written while the server was down", "bob also wrote offline")
                .hasSize(3);

        // and the conversation simply goes on
        bob.send("welcome back");
        assertThat(alice.bubble("welcome back")).isVisible();
    }

    private static List<String> storedTexts(String room) {
        JsonNode page = server.get("/api/rooms/" + RunningServer.encode(room) + "/messages?limit=100");
        List<String> texts = new ArrayList<>();
        page.get("messages").forEach(m -> texts.add(m.get("text").asText()));
        return texts;
    }
}
