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
     * Checks, before a connection is opened from {@code address}, that the address may open one more here.
     *
     * @throws io.chillin.chat.domain.ChatException.RateLimited when it holds as many as one address may
     */
    void checkAddress(String address);

    /** Opens a connection; {@code admission} is null for a client without a token (a guest named at its first join). */
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
