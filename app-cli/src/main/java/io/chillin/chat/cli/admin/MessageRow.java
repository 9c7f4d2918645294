package io.chillin.chat.cli.admin;

import io.chillin.chat.domain.message.ChatMessage;
import java.time.Instant;

/** A stored message as the admin sees it. */
public record MessageRow(long seq, String user, String text, Instant timestamp) {

    public static MessageRow of(ChatMessage m) {
        return new MessageRow(m.seq(), m.author().value(), m.text().value(), m.timestamp());
    }
}
