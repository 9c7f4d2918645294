package io.chillin.chat.adapter.javalin;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the edge behaves towards clients.
 *
 * @param allowedOrigins      browser origins allowed to open a WebSocket (the server's own origin is always allowed)
 * @param maxFrameBytes       largest inbound WebSocket text frame; larger ones close the connection with 1009
 * @param outboundQueueFrames frames a connection may have waiting before it counts as not reading and is closed
 * @param trustedProxies      the proxies whose X-Forwarded-For entries name the client (none: the peer is the client)
 * @param strictTransport     send Strict-Transport-Security (only behind TLS: browsers then refuse plain HTTP)
 * @param keepAlive           how often the server pings each WebSocket; a connection that shows no sign of life (not
 *                            even the pong every client sends by itself) for three of these is closed
 * @param sendsInFlight       sends this instance may have started and not yet answered, all its sockets together; a
 *                            send beyond them is refused at once with {@code UNAVAILABLE}: the server is behind, and
 *                            taking more would only make every send wait longer
 */
public record EdgeConfig(Set<String> allowedOrigins, int maxFrameBytes, int outboundQueueFrames,
                         TrustedProxies trustedProxies, boolean strictTransport, Duration keepAlive, int sendsInFlight) {

    /** Pings every 30 s, as the old app's Socket.IO did; silent for 90 s means gone. */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);

    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024;
    public static final int DEFAULT_OUTBOUND_QUEUE_FRAMES = 1024;
    /**
     * 64 per processor: a send takes a few milliseconds when the server keeps up, so a server that has this many
     * on the way is tens of milliseconds behind, and (Little's law) its sends wait no longer than that.
     */
    public static final int DEFAULT_SENDS_IN_FLIGHT = 64 * Runtime.getRuntime().availableProcessors();

    public EdgeConfig {
        allowedOrigins = Set.copyOf(Objects.requireNonNull(allowedOrigins));
        Objects.requireNonNull(trustedProxies);
        if (keepAlive.compareTo(Duration.ofMillis(100)) < 0 || keepAlive.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("the keep-alive interval must be 100 ms to 10 min, was " + keepAlive);
        }
        if (maxFrameBytes < 1024 || outboundQueueFrames < 16) {
            throw new IllegalArgumentException("frame cap >= 1024 bytes and queue >= 16 frames");
        }
        if (sendsInFlight < 1) {
            throw new IllegalArgumentException("the sends in flight must be at least 1, was " + sendsInFlight);
        }
    }

    public static EdgeConfig defaults(Set<String> allowedOrigins) {
        return new EdgeConfig(allowedOrigins, DEFAULT_MAX_FRAME_BYTES, DEFAULT_OUTBOUND_QUEUE_FRAMES,
                TrustedProxies.none(), false, DEFAULT_KEEP_ALIVE, DEFAULT_SENDS_IN_FLIGHT);
    }

    /** How long a connection may show no sign of life before it is closed: three keep-alive intervals. */
    public Duration idleTimeout() {
        return keepAlive.multipliedBy(3);
    }

    public EdgeConfig withKeepAlive(Duration interval) {
        return new EdgeConfig(allowedOrigins, maxFrameBytes, outboundQueueFrames, trustedProxies, strictTransport,
                interval, sendsInFlight);
    }

    public EdgeConfig withOutboundQueueFrames(int frames) {
        return new EdgeConfig(allowedOrigins, maxFrameBytes, frames, trustedProxies, strictTransport,
                keepAlive, sendsInFlight);
    }

    public EdgeConfig withTrustedProxies(TrustedProxies proxies) {
        return new EdgeConfig(allowedOrigins, maxFrameBytes, outboundQueueFrames, proxies, strictTransport,
                keepAlive, sendsInFlight);
    }

    public EdgeConfig withStrictTransport(boolean on) {
        return new EdgeConfig(allowedOrigins, maxFrameBytes, outboundQueueFrames, trustedProxies, on,
                keepAlive, sendsInFlight);
    }

    public EdgeConfig withSendsInFlight(int sends) {
        return new EdgeConfig(allowedOrigins, maxFrameBytes, outboundQueueFrames, trustedProxies, strictTransport,
                keepAlive, sends);
    }
}
