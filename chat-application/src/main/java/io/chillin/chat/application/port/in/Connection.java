package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.user.Identity;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One live client connection. Its identity comes from a token when it opens, or from the display
 * name of its first join (a guest without a token); once known it never changes.
 */
public final class Connection {

    private final String id = UUID.randomUUID().toString();
    private final EventSink sink;
    private volatile Identity identity;

    Connection(Identity identity, EventSink sink) {
        this.identity = identity;
        this.sink = Objects.requireNonNull(sink);
    }

    /** Opens a connection handle; {@code identity} is null for a client without a token. */
    public static Connection open(Identity identity, EventSink sink) {
        return new Connection(identity, sink);
    }

    public String id() {
        return id;
    }

    public EventSink sink() {
        return sink;
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

    @Override
    public String toString() {
        return "Connection[" + id + "]";
    }
}
