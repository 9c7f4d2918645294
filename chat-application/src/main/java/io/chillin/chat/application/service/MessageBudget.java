package io.chillin.chat.application.service;

import io.chillin.chat.application.port.in.Connection;
import io.chillin.chat.application.port.out.RateLimiter;
import io.chillin.chat.domain.user.Identity;
import java.time.Duration;
import java.util.Optional;

/**
 * The one budget that sends, edits, deletions and reactions share: the author's message rate, and for a guest also the
 * budget the guests of its address share (so a fresh guest is no fresh budget). What a refused frame took is given
 * back.
 */
final class MessageBudget {

    private final RateLimiter perAuthor;
    private final UsageGuard usage;

    MessageBudget(RateLimiter perAuthor, UsageGuard usage) {
        this.perAuthor = perAuthor;
        this.usage = usage;
    }

    /** What one frame took from the budget, to give back if the frame is refused. */
    final class Taken {
        private final Identity author;
        private final Optional<String> guestKey;

        private Taken(Identity author, Optional<String> guestKey) {
            this.author = author;
            this.guestKey = guestKey;
        }

        void giveBack() {
            perAuthor.release(author.key());
            guestKey.ifPresent(key -> usage.guestMessages().release(key));
        }
    }

    /** Takes one frame's share, or says how long to wait when there is none left (then nothing was taken). */
    Outcome take(Connection connection, Identity author) {
        Optional<String> guestKey = usage.guestMessageKey(connection, author);
        Optional<Duration> wait = perAuthor.tryAcquire(author.key());
        if (wait.isEmpty() && guestKey.isPresent()) {
            wait = usage.guestMessages().tryAcquire(guestKey.get());
            if (wait.isPresent()) {
                perAuthor.release(author.key());
            }
        }
        return wait.isPresent() ? new Outcome(null, wait.get()) : new Outcome(new Taken(author, guestKey), null);
    }

    /** Either what was taken, or how long to wait. */
    record Outcome(Taken taken, Duration retryAfter) {
        boolean refused() {
            return taken == null;
        }
    }
}
