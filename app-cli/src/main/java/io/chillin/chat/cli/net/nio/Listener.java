package io.chillin.chat.cli.net.nio;

/**
 * What a connection does with what it receives. Called on the connection's selector thread, one call at a time per
 * connection; a call that takes long holds up every connection of that thread.
 */
public interface Listener {

    /**
     * One whole text message as UTF-8. The bytes are valid only during the call: they are usually the selector's read
     * buffer itself, so that a frame is not copied on its way to the parser.
     */
    void onText(byte[] utf8, int offset, int length, long receivedNanos);

    /** The connection ended: the server's close code, or {@link CloseCodes#ABNORMAL} without a close handshake. */
    default void onClosed(int code, String reason) {
    }
}
