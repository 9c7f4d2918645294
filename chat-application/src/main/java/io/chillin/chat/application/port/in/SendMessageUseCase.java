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

    /**
     * Starts a send without waiting for the store: everything {@link #send} checks is checked now and the message
     * takes its place in the store's queue; {@link StartedSend#finish()} waits until it is durable, publishes it and
     * returns it. One caller can so have several sends on the way (a client's burst shares one commit), and sends
     * it starts one after another are stored in that order. A refusal comes from either call; every started send
     * must be finished, or a stored message would never be published.
     */
    default StartedSend start(Connection connection, SendMessageCommand command) {
        ChatMessage sent = send(connection, command);
        return () -> sent;
    }

    /** A send on its way to the store. */
    @FunctionalInterface
    interface StartedSend {
        /** Waits for the store, publishes the message when this send stored it, and returns it as stored. */
        ChatMessage finish();

        /**
         * Runs {@code then} once {@link #finish()} would not wait for the store: at once if it already would not,
         * else on the store's thread, so {@code then} must be quick (hand the finishing to another thread).
         */
        default void whenReady(Runnable then) {
            then.run();
        }
    }
}
