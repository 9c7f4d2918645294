package io.chillin.chat.cli.net.nio;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A listener that keeps what a connection received, for a test to wait on. */
final class Received implements Listener {

    /** A close as the listener was told of it. */
    record Close(int code, String reason) {
    }

    private final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<Close> closed = new CompletableFuture<>();

    @Override
    public void onText(byte[] utf8, int offset, int length, long receivedNanos) {
        texts.add(new String(utf8, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void onClosed(int code, String reason) {
        closed.complete(new Close(code, reason));
    }

    String next() throws InterruptedException {
        String text = texts.poll(10, TimeUnit.SECONDS);
        if (text == null) {
            throw new AssertionError("no text frame within 10 s");
        }
        return text;
    }

    Close close() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }
}
