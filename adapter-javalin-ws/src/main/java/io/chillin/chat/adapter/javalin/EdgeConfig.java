package io.chillin.chat.adapter.javalin;

import java.util.Objects;
import java.util.Set;

/**
 * How the edge behaves towards clients.
 *
 * @param allowedOrigins      browser origins allowed to open a WebSocket (the server's own origin is always allowed)
 * @param maxFrameBytes       largest inbound WebSocket text frame; larger ones close the connection with 1009
 * @param outboundQueueFrames frames a connection may have waiting before it counts as not reading and is closed
 * @param trustForwardedFor   take the client address from X-Forwarded-For (only behind a trusted proxy)
 */
public record EdgeConfig(Set<String> allowedOrigins, int maxFrameBytes, int outboundQueueFrames,
                         boolean trustForwardedFor) {

    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024;
    public static final int DEFAULT_OUTBOUND_QUEUE_FRAMES = 1024;

    public EdgeConfig {
        allowedOrigins = Set.copyOf(Objects.requireNonNull(allowedOrigins));
        if (maxFrameBytes < 1024 || outboundQueueFrames < 16) {
            throw new IllegalArgumentException("frame cap >= 1024 bytes and queue >= 16 frames");
        }
    }

    public static EdgeConfig defaults(Set<String> allowedOrigins) {
        return new EdgeConfig(allowedOrigins, DEFAULT_MAX_FRAME_BYTES, DEFAULT_OUTBOUND_QUEUE_FRAMES, false);
    }

    public EdgeConfig withOutboundQueueFrames(int frames) {
        return new EdgeConfig(allowedOrigins, maxFrameBytes, frames, trustForwardedFor);
    }
}
