package io.chillin.chat.application.port.in;

/**
 * What a member of a room does to its messages after sending: edit, delete, react, and mark the room read. Each
 * needs the connection to be in the room; each of edit, delete and react (no-ops included) counts against the
 * sender's message rate. A change that changes nothing is answered as done and takes no revision.
 *
 * @see io.chillin.chat.domain.message.ChatMessage the rules of each change
 */
public interface MessageLifecycleUseCase {

    /** Replaces the text of one's own message. */
    void edit(Connection connection, String room, long seq, String text);

    /** Deletes one's own message, or any message of a room one created. */
    void delete(Connection connection, String room, long seq);

    /** Adds ({@code on}) or removes one's reaction with {@code emoji}. */
    void react(Connection connection, String room, long seq, String emoji, boolean on);

    /** Moves one's read marker in the room forward to {@code seq} (never back). */
    void markRead(Connection connection, String room, long seq);
}
