package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The durable, ordered history of each room, every message in its current state: the source of truth for delivery.
 * Every list it returns is oldest first. Each room has a revision that every change of its history (a new message, an
 * edit, a deletion, a reaction added or removed) raises by exactly 1, in the same transaction as the change.
 */
public interface MessageStore {

    /**
     * Appends durably and gives the message its room's next seq (1, 2, 3, ... without gaps, also
     * under concurrent appends) and the room's next rev. Idempotent on (room, authorKey, tempId): a repeat returns
     * the stored message, unchanged, with {@code created == false}.
     *
     * @throws ChatException.NotFound when the room does not exist
     */
    Appended append(NewMessage message);

    /**
     * Starts an append and returns without waiting for it to be durable, so that one caller can have several on the
     * way at once (a client's burst of sends shares one commit). Appends started one after another are stored in
     * that order: a room's seqs follow it. {@link StartedAppend#await()} answers as {@link #append} would; a
     * failure may be thrown here already or by {@code await}. The default stores at once.
     */
    default StartedAppend start(NewMessage message) {
        Appended appended = append(message);
        return () -> appended;
    }

    /** The message this author sent with this tempId, if stored. */
    Optional<ChatMessage> findByTempId(RoomName room, String authorKey, TempId tempId);

    /** The message with this seq, in its current state. */
    Optional<ChatMessage> find(RoomName room, long seq);

    /** The newest {@code limit} messages of the room. */
    List<ChatMessage> latest(RoomName room, int limit);

    /** The newest {@code limit} messages with seq below {@code beforeSeq}. */
    List<ChatMessage> before(RoomName room, long beforeSeq, int limit);

    /** The oldest {@code limit} messages with seq above {@code afterSeq}. */
    List<ChatMessage> after(RoomName room, long afterSeq, int limit);

    /** The {@code limit} messages with the lowest rev above {@code afterRev}, in current state, ordered by rev. */
    List<ChatMessage> changedAfter(RoomName room, long afterRev, int limit);

    /** The highest seq in the room, 0 when it has no message (or does not exist). */
    long lastSeq(RoomName room);

    /** The room's last seq and its revision, read together: 0 and 0 before its first message (or when it does not exist). */
    Position position(RoomName room);

    /**
     * Changes one message and gives it the room's next rev, in one transaction: {@code change} gets the message as
     * stored and the rev it would take, and returns it as it becomes, or empty to change nothing (no rev is taken).
     * Exceptions {@code change} throws reach the caller and change nothing.
     *
     * @throws ChatException.NotFound when the room has no message with this seq
     */
    Changed change(RoomName room, long seq, Change change);

    /**
     * Moves {@code identityKey}'s read marker in the room forward to {@code seq}, never back; a seq above the room's
     * newest counts as the newest. Returns the marker when it moved, empty when it did not.
     *
     * @throws ChatException.NotFound when the room does not exist
     */
    OptionalLong markRead(RoomName room, String identityKey, long seq);

    /**
     * For each of {@code rooms} (by key) the reader's marker and how many messages above it are neither deleted nor
     * the reader's own, and how many of those mention {@code reader}: one query for them all. Rooms that do not
     * exist are left out.
     */
    Map<String, Unread> unread(Collection<RoomName> rooms, String identityKey, Username reader);

    /** An append on its way: {@link #await()} waits until it is durable (or refused) and answers. */
    @FunctionalInterface
    interface StartedAppend {
        /** @throws ChatException as {@link #append} does */
        Appended await();

        /**
         * Runs {@code then} once {@link #await()} would return without waiting: at once if it already would, else on
         * the store's own thread, so {@code then} must be quick (hand the answer to another thread).
         */
        default void whenDone(Runnable then) {
            then.run();
        }
    }

    /** The result of an append: the stored message, and whether this call stored it. */
    record Appended(ChatMessage message, boolean created) {
    }

    /** The result of a change: the message as it is now, and whether this call changed it. */
    record Changed(ChatMessage message, boolean changed) {
    }

    /** Where a room's history stands: its newest seq and its rev. */
    record Position(long seq, long rev) {
        public static final Position EMPTY = new Position(0, 0);
    }

    /** A reader's position in a room. */
    record Unread(long lastReadSeq, long unread, long unreadMentions) {
    }

    /** One change of a message, as a rule over its current state. */
    @FunctionalInterface
    interface Change {
        Optional<ChatMessage> apply(ChatMessage current, long nextRev);
    }
}
