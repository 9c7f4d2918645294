package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.Identity;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One live client connection. Its identity comes from a token when it opens, or from the display
 * name of its first join (a guest without a token); once known it never changes.
 */
public final class Connection {

    /** The address of connections opened without one. */
    public static final String LOCAL = "local";

    private final String id = UUID.randomUUID().toString();
    private final EventSink sink;
    private final String address;
    private volatile Identity identity;
    private volatile String endedBecause;
    /** Per room key, a seq this connection knows its user's read marker to be at or above. */
    private final Map<String, Long> readAtLeast = new ConcurrentHashMap<>();

    Connection(Identity identity, String address, EventSink sink) {
        this.identity = identity;
        this.address = Objects.requireNonNull(address);
        this.sink = Objects.requireNonNull(sink);
    }

    /**
     * Opens a connection handle; {@code identity} is null for a client without a token, {@code address} is the
     * client's network address as the edge found it (per-address limits count by it).
     */
    public static Connection open(Identity identity, String address, EventSink sink) {
        return new Connection(identity, address, sink);
    }

    /** A connection of this process (an embedding program, a test): its address is {@code "local"}. */
    public static Connection open(Identity identity, EventSink sink) {
        return new Connection(identity, LOCAL, sink);
    }

    public String id() {
        return id;
    }

    public EventSink sink() {
        return sink;
    }

    /** The client's address, for per-address limits. */
    public String address() {
        return address;
    }

    public Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    /** Sets the identity of a connection that had none; returns the identity now in force. */
    public synchronized Identity assumeIdentity(Identity candidate) {
        if (identity == null) {
            identity = Objects.requireNonNull(candidate);
        }
        return identity;
    }

    /**
     * Ends the connection because its session ended: every later request is refused and the sink is told.
     * Only the first call counts.
     */
    public void end(String reason) {
        synchronized (this) {
            if (endedBecause != null) {
                return;
            }
            endedBecause = Objects.requireNonNull(reason);
        }
        sink.sessionEnded(reason);
    }

    public boolean ended() {
        return endedBecause != null;
    }

    /** @throws ChatException.Unauthorized once the connection's session has ended */
    public void ensureLive() {
        String reason = endedBecause;
        if (reason != null) {
            throw new ChatException.Unauthorized(reason + ": log in again");
        }
    }

    /** A seq its user's read marker in the room is known to be at or above (0 when nothing is known). */
    public long readAtLeast(String roomKey) {
        return readAtLeast.getOrDefault(roomKey, 0L);
    }

    /** Learns that its user's read marker in the room is at or above {@code seq}. */
    public void learnRead(String roomKey, long seq) {
        readAtLeast.merge(roomKey, seq, Math::max);
    }

    @Override
    public String toString() {
        return "Connection[" + id + "]";
    }
}
