package io.chillin.chat.application.port.out;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import java.util.List;
import java.util.Optional;

/**
 * The durable, ordered history of each room: the source of truth for delivery. Every list it
 * returns is oldest first.
 */
public interface MessageStore {

    /**
     * Appends durably and gives the message its room's next seq (1, 2, 3, ... without gaps, also
     * under concurrent appends). Idempotent on (room, authorKey, tempId): a repeat returns the stored
     * message, unchanged, with {@code created == false}.
     *
     * @throws ChatException.NotFound when the room does not exist
     */
    Appended append(NewMessage message);

    /** The message this author sent with this tempId, if stored. */
    Optional<ChatMessage> findByTempId(RoomName room, String authorKey, TempId tempId);

    /** The newest {@code limit} messages of the room. */
    List<ChatMessage> latest(RoomName room, int limit);

    /** The newest {@code limit} messages with seq below {@code beforeSeq}. */
    List<ChatMessage> before(RoomName room, long beforeSeq, int limit);

    /** The oldest {@code limit} messages with seq above {@code afterSeq}. */
    List<ChatMessage> after(RoomName room, long afterSeq, int limit);

    /** The highest seq in the room, 0 when it has no message (or does not exist). */
    long lastSeq(RoomName room);

    /** The result of an append: the stored message, and whether this call stored it. */
    record Appended(ChatMessage message, boolean created) {
    }
}
