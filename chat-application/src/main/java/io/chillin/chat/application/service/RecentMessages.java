package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.HistoryPage;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.ReplyQuote;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last messages a room's stream delivered here, oldest first: the page a join shows, without a query while the room
 * is busy. They are the store's messages in seq order with every gap filled, since they are what was delivered. Not
 * thread-safe: its {@link RoomStream} guards it.
 */
final class RecentMessages {

    /** One more than a page: the page, and whether older messages exist before it. */
    private static final int KEPT = RoomService.DEFAULT_PAGE + 1;

    private final ArrayDeque<ChatMessage> messages = new ArrayDeque<>(KEPT + 1);

    void added(ChatMessage message) {
        messages.addLast(message);
        if (messages.size() > KEPT) {
            messages.removeFirst();
        }
    }

    /** A kept message changed: so do the quotes of it in the kept replies. */
    void changed(ChatMessage message) {
        ReplyQuote quote = ReplyQuote.of(message);
        List<ChatMessage> updated = new ArrayList<>(messages.size());
        for (ChatMessage m : messages) {
            updated.add(m.seq() == message.seq() ? message
                    : m.replyTo() != null && m.replyTo().seq() == message.seq() ? m.quoting(quote) : m);
        }
        messages.clear();
        messages.addAll(updated);
    }

    void clear() {
        messages.clear();
    }

    /**
     * The latest page up to {@code deliveredSeq}, when what is kept reaches back far enough: a whole page and one more,
     * or the room's first message.
     */
    Optional<HistoryPage> latestPage(long deliveredSeq) {
        if (messages.isEmpty() || messages.getLast().seq() != deliveredSeq
                || messages.size() <= RoomService.DEFAULT_PAGE && messages.getFirst().seq() != 1) {
            return Optional.empty();
        }
        return Optional.of(RoomService.trimmed(List.copyOf(messages), RoomService.DEFAULT_PAGE, true));
    }
}
