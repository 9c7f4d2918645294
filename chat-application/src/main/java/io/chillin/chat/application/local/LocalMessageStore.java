package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.MessageStore;
import io.chillin.chat.application.port.out.NewMessage;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.message.ChatMessage;
import io.chillin.chat.domain.message.TempId;
import io.chillin.chat.domain.room.Room;
import io.chillin.chat.domain.room.RoomName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages in memory: one list per room, where a message's index is its seq minus one. Guarded by the room store's
 * lock: an append looks its room up and a deletion drops the room's messages, each holding that one lock, so neither
 * can wait for the other.
 */
public final class LocalMessageStore implements MessageStore {

    private final LocalRoomStore rooms;
    private final Map<String, List<ChatMessage>> byRoom = new HashMap<>();
    private final Map<String, ChatMessage> byTempId = new HashMap<>();
    private long nextId = 1;

    public LocalMessageStore(LocalRoomStore rooms) {
        this.rooms = rooms;
        rooms.onDelete(this::forget);
        rooms.historyFrom(room -> lastSeq(room) > 0);
    }

    private void forget(RoomName room) {
        synchronized (rooms) {
            byRoom.remove(room.key());
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
            return new Appended(existing, false);
        }
        RoomName room = rooms.find(m.room()).map(Room::name)
                .orElseThrow(() -> new ChatException.NotFound("no room named '" + m.room() + "'"));
        List<ChatMessage> list = byRoom.computeIfAbsent(room.key(), k -> new ArrayList<>());
        ChatMessage stored = new ChatMessage(nextId++, room, list.size() + 1, m.author(), m.authorKey(), m.text(),
                m.timestamp(), m.tempId());
        list.add(stored);
        byTempId.put(idempotencyKey, stored);
        return new Appended(stored, true);
    }

    @Override
    public Optional<ChatMessage> findByTempId(RoomName room, String authorKey, TempId tempId) {
        synchronized (rooms) {
            return Optional.ofNullable(byTempId.get(idempotencyKey(room, authorKey, tempId)));
        }
    }

    @Override
    public List<ChatMessage> latest(RoomName room, int limit) {
        return before(room, Long.MAX_VALUE, limit);
    }

    @Override
    public List<ChatMessage> before(RoomName room, long beforeSeq, int limit) {
        synchronized (rooms) {
            List<ChatMessage> list = byRoom.getOrDefault(room.key(), List.of());
            int end = (int) Math.min(list.size(), Math.max(0, beforeSeq - 1));
            int start = Math.max(0, end - limit);
            return List.copyOf(list.subList(start, end));
        }
    }

    @Override
    public List<ChatMessage> after(RoomName room, long afterSeq, int limit) {
        synchronized (rooms) {
            List<ChatMessage> list = byRoom.getOrDefault(room.key(), List.of());
            int start = (int) Math.min(list.size(), Math.max(0, afterSeq));
            int end = (int) Math.min(list.size(), (long) start + limit);
            return List.copyOf(list.subList(start, end));
        }
    }

    @Override
    public long lastSeq(RoomName room) {
        synchronized (rooms) {
            return byRoom.getOrDefault(room.key(), List.of()).size();
        }
    }

    private static String idempotencyKey(RoomName room, String authorKey, TempId tempId) {
        return room.key() + '\u0000' + authorKey + '\u0000' + tempId.value();
    }
}
