package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.ReplyQuote;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import io.chillin.chat.domain.user.Username;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Messages in memory: one history per room, where a message's index is its seq minus one, and an index of its
 * messages by their current rev. Guarded by the room store's lock: an append looks its room up and a deletion drops
 * the room's messages, each holding that one lock, so neither can wait for the other.
 */
public final class LocalMessageStore implements MessageStore {

    private final LocalRoomStore rooms;
    private final Map<String, History> byRoom = new HashMap<>();
    private final Map<String, ChatMessage> byTempId = new HashMap<>();
    /** Read markers by room key, then identity key. */
    private final Map<String, Map<String, Long>> markers = new HashMap<>();
    private long nextId = 1;

    public LocalMessageStore(LocalRoomStore rooms) {
        this.rooms = rooms;
        rooms.onDelete(this::forget);
        rooms.historyFrom(room -> lastSeq(room) > 0);
    }

    /** One room's messages and revision. */
    private static final class History {
        final List<ChatMessage> messages = new ArrayList<>();
        /** seq of each message by its current rev */
        final TreeMap<Long, Long> byRev = new TreeMap<>();
        long rev;

        void put(ChatMessage m) {
            if (m.seq() > messages.size()) {
                messages.add(m);
            } else {
                byRev.remove(messages.get((int) m.seq() - 1).rev());
                messages.set((int) m.seq() - 1, m);
            }
            byRev.put(m.rev(), m.seq());
            rev = m.rev();
        }

        ChatMessage get(long seq) {
            return messages.get((int) seq - 1);
        }

        /** The message with its quote read as the answered message is now. */
        ChatMessage current(ChatMessage m) {
            return m.replyTo() == null ? m : m.quoting(ReplyQuote.of(get(m.replyTo().seq())));
        }
    }

    private void forget(RoomName room) {
        synchronized (rooms) {
            byRoom.remove(room.key());
            markers.remove(room.key());
            byTempId.values().removeIf(m -> m.room().key().equals(room.key()));
        }
    }

    @Override
    public Appended append(NewMessage m) {
        synchronized (rooms) {
            return appendLocked(m);
        }
    }

    private Appended appendLocked(NewMessage m) {
        String idempotencyKey = idempotencyKey(m.room(), m.authorKey(), m.tempId());
        ChatMessage existing = byTempId.get(idempotencyKey);
        if (existing != null) {
            return new Appended(byRoom.get(existing.room().key()).current(existing), false);
        }
        RoomName room = rooms.find(m.room()).map(Room::name)
                .orElseThrow(() -> new ChatException.NotFound("no room named '" + m.room() + "'"));
        History history = byRoom.computeIfAbsent(room.key(), k -> new History());
        long seq = history.messages.size() + 1;
        ReplyQuote quote = m.replyTo() == null || m.replyTo() < 1 || m.replyTo() >= seq ? null
                : ReplyQuote.of(history.get(m.replyTo()));
        ChatMessage stored = new ChatMessage(nextId++, room, seq, m.author(), m.authorKey(), m.text(),
                m.timestamp(), m.tempId(), history.rev + 1, null, false, quote, List.of(), m.mentions());
        history.put(stored);
        byTempId.put(idempotencyKey, stored);
        return new Appended(stored, true);
    }

    @Override
    public Optional<ChatMessage> findByTempId(RoomName room, String authorKey, TempId tempId) {
        synchronized (rooms) {
            ChatMessage m = byTempId.get(idempotencyKey(room, authorKey, tempId));
            return m == null ? Optional.empty() : Optional.of(byRoom.get(room.key()).current(byRoom.get(room.key()).get(m.seq())));
        }
    }

    @Override
    public Optional<ChatMessage> find(RoomName room, long seq) {
        synchronized (rooms) {
            History history = byRoom.get(room.key());
            if (history == null || seq < 1 || seq > history.messages.size()) {
                return Optional.empty();
            }
            return Optional.of(history.current(history.get(seq)));
        }
    }

    @Override
    public List<ChatMessage> latest(RoomName room, int limit) {
        return before(room, Long.MAX_VALUE, limit);
    }

    @Override
    public List<ChatMessage> before(RoomName room, long beforeSeq, int limit) {
        synchronized (rooms) {
            History history = byRoom.get(room.key());
            if (history == null) {
                return List.of();
            }
            int end = (int) Math.min(history.messages.size(), Math.max(0, beforeSeq - 1));
            int start = Math.max(0, end - limit);
            return history.messages.subList(start, end).stream().map(history::current).toList();
        }
    }

    @Override
    public List<ChatMessage> after(RoomName room, long afterSeq, int limit) {
        synchronized (rooms) {
            History history = byRoom.get(room.key());
            if (history == null) {
                return List.of();
            }
            int start = (int) Math.min(history.messages.size(), Math.max(0, afterSeq));
            int end = (int) Math.min(history.messages.size(), (long) start + limit);
            return history.messages.subList(start, end).stream().map(history::current).toList();
        }
    }

    @Override
    public List<ChatMessage> changedAfter(RoomName room, long afterRev, int limit) {
        synchronized (rooms) {
            History history = byRoom.get(room.key());
            if (history == null) {
                return List.of();
            }
            return history.byRev.tailMap(afterRev, false).values().stream().limit(limit)
                    .map(seq -> history.current(history.get(seq))).toList();
        }
    }

    @Override
    public long lastSeq(RoomName room) {
        synchronized (rooms) {
            History history = byRoom.get(room.key());
            return history == null ? 0 : history.messages.size();
        }
    }

    @Override
    public Position position(RoomName room) {
        synchronized (rooms) {
            History history = byRoom.get(room.key());
            return history == null ? Position.EMPTY : new Position(history.messages.size(), history.rev);
        }
    }

    @Override
    public Changed change(RoomName room, long seq, Change change) {
        synchronized (rooms) {
            History history = byRoom.get(room.key());
            if (history == null || seq < 1 || seq > history.messages.size()) {
                throw new ChatException.NotFound("no message " + seq + " in room '" + room + "'");
            }
            ChatMessage current = history.current(history.get(seq));
            Optional<ChatMessage> next = change.apply(current, history.rev + 1);
            if (next.isEmpty()) {
                return new Changed(current, false);
            }
            history.put(next.get());
            return new Changed(next.get(), true);
        }
    }

    @Override
    public OptionalLong markRead(RoomName room, String identityKey, long seq) {
        synchronized (rooms) {
            if (rooms.find(room).isEmpty()) {
                throw new ChatException.NotFound("no room named '" + room + "'");
            }
            long upTo = Math.min(seq, lastSeq(room));
            Map<String, Long> roomMarkers = markers.computeIfAbsent(room.key(), k -> new HashMap<>());
            if (upTo <= roomMarkers.getOrDefault(identityKey, 0L)) {
                return OptionalLong.empty();
            }
            roomMarkers.put(identityKey, upTo);
            return OptionalLong.of(upTo);
        }
    }

    @Override
    public Map<String, Unread> unread(Collection<RoomName> names, String identityKey, Username reader) {
        synchronized (rooms) {
            Map<String, Unread> found = new LinkedHashMap<>();
            for (RoomName name : names) {
                if (rooms.find(name).isEmpty()) {
                    continue;
                }
                long marker = markers.getOrDefault(name.key(), Map.of()).getOrDefault(identityKey, 0L);
                History history = byRoom.get(name.key());
                long unread = 0;
                long mentions = 0;
                if (history != null) {
                    for (ChatMessage m : history.messages.subList((int) Math.min(marker, history.messages.size()),
                            history.messages.size())) {
                        if (!m.deleted() && !m.authorKey().equals(identityKey)) {
                            unread++;
                            mentions += m.mentions(reader) ? 1 : 0;
                        }
                    }
                }
                found.put(name.key(), new Unread(marker, unread, mentions));
            }
            return found;
        }
    }

    private static String idempotencyKey(RoomName room, String authorKey, TempId tempId) {
        return room.key() + '\u0000' + authorKey + '\u0000' + tempId.value();
    }
}
