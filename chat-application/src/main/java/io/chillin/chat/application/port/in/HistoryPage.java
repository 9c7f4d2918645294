package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.message.ChatMessage;
import java.util.List;

/**
 * Messages oldest first, whether more exist beyond the page in the direction asked, and the room's rev as of the page
 * (a change the page does not show has a higher rev).
 */
public record HistoryPage(List<ChatMessage> messages, boolean hasMore, long rev) {

    public HistoryPage {
        messages = List.copyOf(messages);
    }

    /** A page whose rev is told later ({@link #withRev}). */
    public HistoryPage(List<ChatMessage> messages, boolean hasMore) {
        this(messages, hasMore, 0);
    }

    public HistoryPage withRev(long rev) {
        return new HistoryPage(messages, hasMore, rev);
    }
}
