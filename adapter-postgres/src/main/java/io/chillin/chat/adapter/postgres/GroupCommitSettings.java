package io.chillin.chat.adapter.postgres;

import java.time.Duration;

/**
 * How the group-commit writer batches appends and when it refuses them.
 *
 * @param queueLimit appends that may wait for the writer; more are refused at once with {@code UNAVAILABLE}
 * @param commitInterval the least time between the starts of two commits while appends keep coming (zero: none);
 *     appends arriving within it share the next commit
 * @param maxQueueWait an append is refused at once when the oldest one waiting has waited this long already: the
 *     database is behind, and waiting longer would only turn a fast refusal into a slow one
 * @param answerTimeout an append not stored this long after it was queued (the database hangs) is answered
 *     {@code UNAVAILABLE}; its retry is confirmed as the stored message if the database stores it after all
 */
public record GroupCommitSettings(int queueLimit, Duration commitInterval, Duration maxQueueWait,
                                  Duration answerTimeout) {

    /**
     * 2,000 waiting (about a second of what one writer commits), a commit at most every 5 ms (at 500 sends/s a
     * commit holds two or three), refusals once the queue's head has waited 200 ms, and no send waits more than 30 s
     * for a hung database.
     */
    public static final GroupCommitSettings DEFAULT =
            new GroupCommitSettings(2_000, Duration.ofMillis(5), Duration.ofMillis(200), Duration.ofSeconds(30));

    public GroupCommitSettings {
        if (queueLimit < 1) {
            throw new IllegalArgumentException("the queue limit must be positive, was " + queueLimit);
        }
        if (commitInterval.isNegative() || commitInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("the commit interval must be 0..1 s, was " + commitInterval);
        }
        if (maxQueueWait.isNegative() || maxQueueWait.isZero()) {
            throw new IllegalArgumentException("the longest queue wait must be positive, was " + maxQueueWait);
        }
        if (answerTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the answer timeout must be at least 1 s, was " + answerTimeout);
        }
    }

    public GroupCommitSettings withQueueLimit(int limit) {
        return new GroupCommitSettings(limit, commitInterval, maxQueueWait, answerTimeout);
    }

    public GroupCommitSettings withMaxQueueWait(Duration wait) {
        return new GroupCommitSettings(queueLimit, commitInterval, wait, answerTimeout);
    }

    public GroupCommitSettings withAnswerTimeout(Duration timeout) {
        return new GroupCommitSettings(queueLimit, commitInterval, maxQueueWait, timeout);
    }
}
