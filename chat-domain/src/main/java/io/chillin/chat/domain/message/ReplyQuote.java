package io.chillin.chat.domain.message;

import io.chillin.chat.domain.user.Username;
import java.util.Objects;

/**
 * What a reply shows of the message it answers: its seq, its author and its CURRENT text cut to
 * {@value #EXCERPT_LENGTH} code points ("" once it is deleted). Read with the reply, never stored in it,
 * so an edit of the answered message changes every quote of it without touching the replies.
 */
public record ReplyQuote(long seq, Username user, String text) {

    public static final int EXCERPT_LENGTH = 100;

    public ReplyQuote {
        Objects.requireNonNull(user);
        Objects.requireNonNull(text);
    }

    /** The quote of {@code answered} as it is now. */
    public static ReplyQuote of(ChatMessage answered) {
        return of(answered.seq(), answered.author(), answered.text().value(), answered.deleted());
    }

    /** The quote of the message {@code seq} by {@code user} whose whole current text is {@code text}. */
    public static ReplyQuote of(long seq, Username user, String text, boolean deleted) {
        return new ReplyQuote(seq, user, deleted ? "" : excerpt(text));
    }

    static String excerpt(String text) {
        int codePoints = text.codePointCount(0, text.length());
        return codePoints <= EXCERPT_LENGTH ? text : text.substring(0, text.offsetByCodePoints(0, EXCERPT_LENGTH));
    }
}
