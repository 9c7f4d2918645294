package io.chillin.chat.adapter.javalin;

import io.chillin.chat.application.port.in.ServerEvent;

/**
 * Encodes each pushed event once per room broadcast, not once per recipient. The core hands one
 * event instance to every local member in a row on one thread, so remembering the last event per
 * thread catches nearly every repeat without any shared lock.
 */
final class FrameCache {

    private record Last(ServerEvent event, String frame) {
    }

    private static final ThreadLocal<Last> LAST = new ThreadLocal<>();

    private FrameCache() {
    }

    static String encode(ServerEvent event, boolean own) {
        if (own) {
            return Frames.event(event, true);
        }
        Last last = LAST.get();
        if (last != null && last.event == event) {
            return last.frame;
        }
        String frame = Frames.event(event, false);
        LAST.set(new Last(event, frame));
        return frame;
    }
}
