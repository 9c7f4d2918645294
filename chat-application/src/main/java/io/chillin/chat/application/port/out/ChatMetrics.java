package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.message.ChatMessage;
import java.time.Duration;

/**
 * What the core tells an operator's metrics about its work (the server wires Micrometer behind it). Every method must
 * be cheap and never throw: they run on the send and delivery paths. By default nothing is recorded.
 */
public interface ChatMetrics {

    /** Records nothing. */
    ChatMetrics NONE = new ChatMetrics() {
    };

    /** A new message was stored (not a retry); {@code took} is the store's append, its group commit included. */
    default void appended(Duration took) {
    }

    /** An event was handed to the bus; {@code took} is the publication's cost to the sender. */
    default void published(Duration took) {
    }

    /** A message, new ({@code added}) or changed, was handed to {@code recipients} connections of this instance. */
    default void delivered(ChatMessage message, int recipients, boolean added) {
    }

    /** A connection joined a room. */
    default void joined() {
    }

    /** A message was edited, deleted or reacted to ({@code kind}: edit, delete, react). */
    default void changed(String kind) {
    }
}
