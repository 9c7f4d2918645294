package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.message.ChatMessage;
import java.util.List;

/** Messages oldest first, and whether more exist beyond the page in the direction asked. */
public record HistoryPage(List<ChatMessage> messages, boolean hasMore) {

    public HistoryPage {
        messages = List.copyOf(messages);
    }
}
