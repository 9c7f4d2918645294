package io.chillin.chat.cli.bench;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** Opens bench connections with one WebSocket client; closing it ends every connection it opened. */
interface BenchTransport extends AutoCloseable {

    /**
     * Opens connection number {@code index} of the run; the future fails with {@code WsConnection.Refused} when the
     * server refuses the upgrade, with a {@code TimeoutException} when the handshake takes longer than allowed.
     */
    CompletableFuture<BenchSocket> open(int index, URI ws, FrameHandler handler);

    @Override
    void close();
}
