package io.chillin.chat.server.fuzz;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the fuzzer's inputs may rightly have stored: only what the server said yes to. A generated input can be
 * valid by chance (a bent join that is still a join); its acknowledgement is written down here, so that every
 * row the server holds afterwards is either older than the run or accounted for by one of these answers.
 */
final class Ledger {

    /** Keys (lower-cased names) of rooms a join entered or a create made. */
    final Set<String> rooms = ConcurrentHashMap.newKeySet();
    /** Keys of users a registration created. */
    final Set<String> users = ConcurrentHashMap.newKeySet();
    /** Ids of messages a {@code messageConfirmed} confirmed, with the text that was sent, trimmed as the server trims. */
    final Map<Long, String> messages = new ConcurrentHashMap<>();
    /** Ids of messages confirmed on a socket that closed before the frame's answer was complete. */
    final Set<Long> salvaged = ConcurrentHashMap.newKeySet();
    /** Ids of persisted messages some fuzz socket received: each must be a confirmed one. */
    final Set<Long> delivered = ConcurrentHashMap.newKeySet();
    /**
     * What the frames that never got an answer (their socket closed first) asked for: the keys of the rooms their
     * joins named and the texts their sends carried. Nothing of it may be stored; when something is, these tell a
     * frame that was in flight from an input nobody sent.
     */
    final Set<String> unansweredRooms = ConcurrentHashMap.newKeySet();
    final Set<String> unansweredTexts = ConcurrentHashMap.newKeySet();
    final LongAdder sessionsOpened = new LongAdder();
    final LongAdder sessionsEnded = new LongAdder();

    void room(String name) {
        rooms.add(name.toLowerCase(Locale.ROOT));
    }

    /** The key a room name asked for would have, normalised as the domain does: trimmed, inner white space folded. */
    static String roomKey(String asked) {
        return asked.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    void user(String name) {
        users.add(name.toLowerCase(Locale.ROOT));
    }
}
