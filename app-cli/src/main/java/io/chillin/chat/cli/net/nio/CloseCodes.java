package io.chillin.chat.cli.net.nio;

/** The close codes (RFC 6455 section 7.4) this client sends or reports. */
public final class CloseCodes {

    /** Sent when the client is done with a connection; the bench ends every connection of a run with it. */
    public static final int NORMAL = 1000;

    /** Sent when the server broke the framing rules (a masked frame, reserved bits, an unknown opcode...). */
    public static final int PROTOCOL_ERROR = 1002;

    /** Reported for a close frame without a code; never sent (RFC 6455 section 7.4.1). */
    public static final int NO_STATUS = 1005;

    /** Sent when a server's message is larger than the client takes (16 MiB). */
    public static final int TOO_BIG = 1009;

    /**
     * Reported for a connection that ended without a close handshake (an abort, a reset, a timeout): -1, as
     * {@code WsConnection} reports it for java.net.http's client, so that both read the same to the bench.
     */
    public static final int ABNORMAL = -1;

    private CloseCodes() {
    }
}
