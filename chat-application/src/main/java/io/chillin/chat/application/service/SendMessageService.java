package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.in.SendMessageCommand;
import io.chillin.chat.application.port.in.SendMessageUseCase;
import io.chillin.chat.application.port.out.ChatMetrics;
import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.application.port.out.RateLimiter;
import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import io.chillin.chat.application.port.out.UserStore;
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
    private final MessageBudget budget;
    private final MessageStore messages;
    private final RoomBus bus;
    private final Mentioning mentioning;
    private final Clock clock;
    private final ChatMetrics metrics;

    public SendMessageService(RoomFanout fanout, RateLimiter rateLimiter, MessageStore messages, RoomBus bus,
                              UsageGuard usage, UserStore users, Clock clock, ChatMetrics metrics) {
        this.metrics = metrics;
        this.fanout = fanout;
        this.budget = new MessageBudget(rateLimiter, usage);
        this.messages = messages;
        this.bus = bus;
        this.mentioning = new Mentioning(users);
        this.clock = clock;
    }

    @Override
    public ChatMessage send(Connection connection, SendMessageCommand command) {
        return start(connection, command).finish();
    }

    @Override
    public StartedSend start(Connection connection, SendMessageCommand command) {
        connection.ensureLive();
        Identity author = connection.identity()
                .orElseThrow(() -> new ChatException.Unauthorized("join a room before sending"));
        RoomName asked = RoomName.of(command.room());
        RoomName room = fanout.joinedRoom(connection, asked)
                .orElseThrow(() -> new ChatException.NotInRoom("you are not in room '" + asked + "'"));
        TempId tempId = TempId.of(command.tempId());
        MessageText text = MessageText.of(command.text());
        Long replyTo = command.replyTo();
        if (replyTo != null && (replyTo < 1 || replyTo > fanout.knownSeq(room).orElse(0L) && replyTo > messages.lastSeq(room))) {
            // seqs run 1, 2, 3, ... and messages are never removed (a deleted one keeps its seq): this is the whole check
            throw new ChatException.Invalid("replyTo", "replyTo must be the seq of a message of this room");
        }
        // The unique key of (room, author, tempId) tells a retry from a new message as it is stored, so the common
        // path asks the store nothing first; a retry's permit is given back. Only a sender at the limit is looked
        // up, so that a retry of a stored message is still confirmed rather than refused.
        MessageBudget.Outcome outcome = budget.take(connection, author);
        if (outcome.refused()) {
            Duration wait = outcome.retryAfter();
            Optional<ChatMessage> stored = messages.findByTempId(room, author.key(), tempId);
            if (stored.isPresent()) {
                ChatMessage before = stored.get();
                return () -> before;
            }
            throw new ChatException.RateLimited(
                    "slow down: too many messages; try again in " + Math.max(1, wait.toSeconds()) + " s", wait);
        }
        long started = System.nanoTime();
        MessageStore.StartedAppend append;
        try {
            append = messages.start(new NewMessage(room, author.name(), author.key(), tempId, text,
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), replyTo, mentioning.of(text)));
        } catch (RuntimeException refused) {
            outcome.taken().giveBack();
            throw refused;
        }
        return new StartedSend() {
            @Override
            public ChatMessage finish() {
                return SendMessageService.this.finish(append, outcome, started);
            }

            @Override
            public void whenReady(Runnable then) {
                append.whenDone(then);
            }
        };
    }

    private ChatMessage finish(MessageStore.StartedAppend append, MessageBudget.Outcome outcome, long started) {
        MessageStore.Appended appended;
        try {
            appended = append.await();
        } catch (RuntimeException refused) {
            outcome.taken().giveBack();
            throw refused;
        }
        if (appended.created()) {
            long stored = System.nanoTime();
            metrics.appended(Duration.ofNanos(stored - started));
            bus.publish(new RoomEvent.MessageAppended(appended.message()));
            metrics.published(Duration.ofNanos(System.nanoTime() - stored));
        } else {
            outcome.taken().giveBack();
        }
        return appended.message();
    }
}
