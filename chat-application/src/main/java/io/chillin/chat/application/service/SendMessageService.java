package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.SendMessageCommand;
import io.chillin.chat.application.port.in.SendMessageUseCase;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.application.port.out.RateLimiter;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.MessageText;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Identity;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The send pipeline: identity, membership, content, rate limit, durable append, then publication. */
public final class SendMessageService implements SendMessageUseCase {

    private final RoomFanout fanout;
    private final RateLimiter rateLimiter;
    private final MessageStore messages;
    private final RoomBus bus;
    private final Clock clock;

    public SendMessageService(RoomFanout fanout, RateLimiter rateLimiter, MessageStore messages, RoomBus bus, Clock clock) {
        this.fanout = fanout;
        this.rateLimiter = rateLimiter;
        this.messages = messages;
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public ChatMessage send(Connection connection, SendMessageCommand command) {
        Identity author = connection.identity()
                .orElseThrow(() -> new ChatException.Unauthorized("join a room before sending"));
        RoomName asked = RoomName.of(command.room());
        RoomName room = fanout.joinedRoom(connection, asked)
                .orElseThrow(() -> new ChatException.NotInRoom("you are not in room '" + asked + "'"));
        TempId tempId = TempId.of(command.tempId());
        MessageText text = MessageText.of(command.text());
        // A retry of a stored message is not a new message: confirm it without spending a permit.
        Optional<ChatMessage> stored = messages.findByTempId(room, author.key(), tempId);
        if (stored.isPresent()) {
            return stored.get();
        }
        Optional<Duration> wait = rateLimiter.tryAcquire(author.key());
        if (wait.isPresent()) {
            throw new ChatException.RateLimited(
                    "slow down: too many messages; try again in " + Math.max(1, wait.get().toSeconds()) + " s", wait.get());
        }
        MessageStore.Appended appended = messages.append(
                new NewMessage(room, author.name(), author.key(), tempId, text, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        if (appended.created()) {
            bus.publish(new RoomEvent.MessageAppended(appended.message()));
        }
        return appended.message();
    }
}
