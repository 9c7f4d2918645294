package io.chillin.chat.adapter.javalin;

import io.chillin.chat.application.port.in.ServerEvent;

/**
 * Encodes each pushed event once per room broadcast, not once per recipient, to the bytes every
 * member's socket writes. The core hands one event instance to every local member in a row on one
 * thread, so remembering the last event per thread catches nearly every repeat without any lock.
 */
final class FrameCache {

    private record Last(ServerEvent event, EncodedFrame frame) {
    }

    private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

    private FrameCache() {
    }

    static EncodedFrame encode(ServerEvent event, boolean own) {
        if (own) {
            return EncodedFrame.of(Frames.event(event, true));
        }
        Last last = LAST.get();
        if (last != null && last.event == event) {
            return last.frame;
        }
        EncodedFrame frame = EncodedFrame.of(Frames.event(event, false));
        LAST.set(new Last(event, frame));
        return frame;
    }
}
