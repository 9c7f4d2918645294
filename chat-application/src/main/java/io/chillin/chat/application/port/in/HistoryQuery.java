package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.user.Identity;

/**
 * A page of a room's history: the newest {@code limit} (default 50, at most 100), those before
 * {@code before} (exclusive), or the oldest after {@code after} (exclusive). {@code reader} is
 * null for an anonymous reader; null numbers mean "not given".
 */
public record HistoryQuery(Identity reader, String room, Integer limit, Long before, Long after) {
}
