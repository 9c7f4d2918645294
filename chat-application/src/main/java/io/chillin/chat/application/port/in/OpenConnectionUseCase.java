package io.chillin.chat.application.port.in;

/**
 * Opens and closes live connections, and keeps each one no longer than its session: a connection opened
 * with a token ends (see {@link EventSink#sessionEnded}) when that session is logged out, expires, or its
 * account is deleted or its password changed, on whichever instance or process that happened.
 */
public interface OpenConnectionUseCase {

    /**
     * Checks a token before its connection opens.
     *
     * @throws io.chillin.chat.domain.ChatException.Unauthorized for a missing, unknown, expired or logged-out token
     * @throws io.chillin.chat.domain.ChatException.RateLimited when the user has as many connections as one may
     */
    Admission admit(String token);

    /**
     * Takes a place for one more connection from {@code address} here, before its upgrade is answered, so that a
     * client cannot open more than the cap by racing its own upgrades. Hand it to {@link #open(Admission, AddressSlot,
     * EventSink)}, or {@link AddressSlot#release()} it when the connection will not open.
     *
     * @throws io.chillin.chat.domain.ChatException.RateLimited when the address holds as many as one address may
     */
    AddressSlot reserve(String address);

    /** Opens a connection in a place {@link #reserve} took; {@code admission} is null for a client without a token. */
    Connection open(Admission admission, AddressSlot slot, EventSink sink);

    /** Opens a connection from {@code address} that counts without a cap (an embedding program, a test). */
    Connection open(Admission admission, String address, EventSink sink);

    /**
     * Gives a connection opened without a token the identity of a token's session (the first frame of a client
     * that keeps its token out of the URL), and from then on ends it with that session.
     *
     * @throws io.chillin.chat.domain.ChatException.Unauthorized for a missing, unknown, expired or logged-out token
     * @throws io.chillin.chat.domain.ChatException.Conflict when the connection already has an identity
     */
    void authenticate(Connection connection, String token);

    /**
     * The client did something: its session's sliding expiry moves (written at most about once a minute).
     *
     * @throws io.chillin.chat.domain.ChatException.Unauthorized once the connection's session has ended
     */
    void touch(Connection connection);

    /** The connection is gone (the edge then takes it out of its rooms). */
    void closed(Connection connection);
}
