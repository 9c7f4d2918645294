package io.chillin.chat.cli.bench;

import java.util.concurrent.CompletableFuture;

/** One bench connection, whichever client carries it. Sends never wait for the socket. */
interface BenchSocket {

    /** Queues a text frame; one the connection can no longer send is dropped (its reply is then missing). */
    void send(String text);

    /** Starts a normal close; the future completes with the close code when it is done. */
    CompletableFuture<Integer> closeAsync();

    /** The close code once the connection ended (-1 without a close handshake). */
    CompletableFuture<Integer> closed();

    /** Cuts the connection at once. */
    void abort();
}
