package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.message.ChatMessage;

/** Validates, rate-limits and durably appends a message, then publishes it to the room.
 * Idempotent on (user, room, tempId): a retry returns the stored message and publishes nothing.
 * @throws io.chillin.chat.domain.ChatException.Unauthorized when the connection has no identity yet
 * @throws io.chillin.chat.domain.ChatException.NotInRoom when the connection has not joined the room
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad room, tempId or text
 * @throws io.chillin.chat.domain.ChatException.RateLimited over 10 messages in 10 seconds per user
 * @throws io.chillin.chat.domain.ChatException.Unavailable when the store does not answer (nothing was stored)
  */
public interface SendMessageUseCase {
    ChatMessage send(Connection connection, SendMessageCommand command);
}
