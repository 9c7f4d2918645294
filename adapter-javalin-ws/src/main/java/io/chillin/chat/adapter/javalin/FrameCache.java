package io.chillin.chat.adapter.javalin;

import io.chillin.chat.application.port.in.ServerEvent;

/**
 * Encodes each pushed event once per room broadcast, not once per recipient, to the bytes every
 * member's socket writes. The core hands one event instance to every local member in a row on one
 * thread, so remembering the last few events per thread catches nearly every repeat without any
 * lock. A few, not one: a join or leave sends each member two events in turn (the notice and the
 * member list), and the sender's own copy of a message differs from everyone else's.
 */
final class FrameCache {

    private static final int SLOTS = 4;

    /** The last events encoded on one thread, each with the frame for others and, once asked, the sender's. */
    private static final class Recent {
        final ServerEvent[] events = new ServerEvent[SLOTS];
        final EncodedFrame[] forOthers = new EncodedFrame[SLOTS];
        final EncodedFrame[] forSender = new EncodedFrame[SLOTS];
        int next;

        EncodedFrame encode(ServerEvent event, boolean own) {
            int slot = find(event);
            if (slot < 0) {
                slot = next;
                next = (next + 1) % SLOTS;
                events[slot] = event;
                forOthers[slot] = null;
                forSender[slot] = null;
            }
            EncodedFrame[] frames = own ? forSender : forOthers;
            if (frames[slot] == null) {
                frames[slot] = EncodedFrame.of(Frames.event(event, own));
            }
            return frames[slot];
        }

        private int find(ServerEvent event) {
            for (int i = 0; i < SLOTS; i++) {
                if (events[i] == event) {
                    return i;
                }
            }
            return -1;
        }
    }

    private static final ThreadLocal<Recent> RECENT = ThreadLocal.withInitial(Recent::new);

    private FrameCache() {
    }

    /** The frame of {@code event}, as the member who sent it ({@code own}) or anyone else receives it. */
    static EncodedFrame encode(ServerEvent event, boolean own) {
        return RECENT.get().encode(event, own);
    }
}
