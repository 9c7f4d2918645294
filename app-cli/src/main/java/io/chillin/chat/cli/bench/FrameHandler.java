package io.chillin.chat.cli.bench;

/** What a bench connection does with each frame it receives: on the client's thread, one frame at a time per connection. */
@FunctionalInterface
interface FrameHandler {
    void onFrame(BenchFrame frame, long receivedNanos);
}
