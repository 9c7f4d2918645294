package io.chillin.chat.domain.message;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A persisted message in its current state. {@code seq} numbers a room's messages 1, 2, 3, ... without gaps;
 * {@code rev} is the room's revision at this message's latest change (its creation, edit, deletion or a reaction).
 * {@code authorKey} is the author's identity key (see {@code Identity}), and with {@code tempId} the sender's own id
 * for the message, it makes a retried send idempotent.
 *
 * <p>The lifecycle rules live here, so that every store applies the same ones: each change returns the message as it
 * becomes, or empty when it would change nothing (which then takes no revision).
 */
public record ChatMessage(long id, RoomName room, long seq, Username author, String authorKey, MessageText text,
                          Instant timestamp, TempId tempId, long rev, Instant editedAt, boolean deleted,
                          ReplyQuote replyTo, List<Reaction> reactions, List<Username> mentions) {

    /** At most this many distinct emoji are listed under one message at once. */
    public static final int MAX_REACTIONS = 20;

    public ChatMessage {
        Objects.requireNonNull(room);
        Objects.requireNonNull(author);
        Objects.requireNonNull(authorKey);
        Objects.requireNonNull(text);
        Objects.requireNonNull(timestamp);
        Objects.requireNonNull(tempId);
        reactions = List.copyOf(reactions);
        mentions = List.copyOf(mentions);
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1");
        }
        if (rev < seq) {
            throw new IllegalArgumentException("a message's rev is at least its seq");
        }
    }

    /** A new message as first stored in a room that had no other change: its rev is its seq. */
    public ChatMessage(long id, RoomName room, long seq, Username author, String authorKey, MessageText text,
                       Instant timestamp, TempId tempId) {
        this(id, room, seq, author, authorKey, text, timestamp, tempId, seq, null, false, null, List.of(), List.of());
    }

    /**
     * The message with a new text (its mentions recomputed by the caller), or empty when the text is the same.
     *
     * @throws ChatException.NotFound when it is deleted
     */
    public Optional<ChatMessage> edited(MessageText newText, List<Username> newMentions, Instant at, long newRev) {
        ensureNotDeleted();
        if (newText.equals(text)) {
            return Optional.empty();
        }
        return Optional.of(new ChatMessage(id, room, seq, author, authorKey, newText, timestamp, tempId, newRev, at,
                false, replyTo, reactions, newMentions));
    }

    /** The message deleted (no text, no reactions, no mentions), or empty when it already is. */
    public Optional<ChatMessage> deletedAs(long newRev) {
        if (deleted) {
            return Optional.empty();
        }
        return Optional.of(new ChatMessage(id, room, seq, author, authorKey, MessageText.DELETED, timestamp, tempId,
                newRev, editedAt, true, replyTo, List.of(), List.of()));
    }

    /**
     * The message with {@code user}'s reaction {@code emoji} added ({@code on}) or removed, or empty when that is
     * already so. An emoji keeps its place while anyone has it; one whose last reaction goes leaves the list, and
     * comes back at its end.
     *
     * @throws ChatException.NotFound when it is deleted
     * @throws ChatException.Invalid when a new emoji would make more than {@value #MAX_REACTIONS}
     */
    public Optional<ChatMessage> reacted(Emoji emoji, Username user, boolean on, long newRev) {
        ensureNotDeleted();
        List<Reaction> next = new ArrayList<>(reactions.size() + 1);
        boolean listed = false;
        for (Reaction r : reactions) {
            if (!r.emoji().equals(emoji)) {
                next.add(r);
                continue;
            }
            listed = true;
            if (r.by(user) == on) {
                return Optional.empty();
            }
            List<Username> users = new ArrayList<>(r.users());
            if (on) {
                users.add(user);
            } else {
                users.removeIf(user::sameAs);
            }
            if (!users.isEmpty()) {
                next.add(new Reaction(emoji, users));
            }
        }
        if (!listed) {
            if (!on) {
                return Optional.empty();
            }
            if (reactions.size() >= MAX_REACTIONS) {
                throw new ChatException.Invalid("emoji", "a message shows at most " + MAX_REACTIONS + " different emoji");
            }
            next.add(new Reaction(emoji, List.of(user)));
        }
        return Optional.of(new ChatMessage(id, room, seq, author, authorKey, text, timestamp, tempId, newRev, editedAt,
                false, replyTo, next, mentions));
    }

    /** The same message quoting {@code quote} (as read now) for its {@code replyTo}. */
    public ChatMessage quoting(ReplyQuote quote) {
        return new ChatMessage(id, room, seq, author, authorKey, text, timestamp, tempId, rev, editedAt, deleted, quote,
                reactions, mentions);
    }

    public boolean mentions(Username user) {
        return mentions.stream().anyMatch(user::sameAs);
    }

    private void ensureNotDeleted() {
        if (deleted) {
            throw new ChatException.NotFound("message " + seq + " has been deleted");
        }
    }
}
