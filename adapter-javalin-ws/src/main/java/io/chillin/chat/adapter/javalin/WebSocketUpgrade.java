package io.chillin.chat.adapter.javalin;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletCoreRequest;
import org.eclipse.jetty.ee10.servlet.ServletCoreResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.FutureCallback;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.server.Handshaker;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * Turns an upgrade request that passed its checks into a socket on Jetty's core WebSocket layer, with a
 * {@link FrameHandler} of ours. Javalin's own upgrade goes through Jetty's servlet WebSocket API, whose session keeps
 * the upgrade's whole HTTP request (connection, parser, headers, servlet request and response) referenced for the
 * socket's life: about 8 KB of heap per idle connection. The core session keeps only what was negotiated.
 */
final class WebSocketUpgrade {

    private final Handshaker handshaker = Handshaker.newInstance();
    private final Configuration.ConfigurationCustomizer limits = new Configuration.ConfigurationCustomizer();

    WebSocketUpgrade(EdgeConfig config, long maxBinaryBytes) {
        limits.setMaxTextMessageSize(config.maxFrameBytes());
        limits.setMaxBinaryMessageSize(maxBinaryBytes);
        // Jetty's own idle timeout (30 s) equalled the ping interval: a silent client was closed in a race with its
        // next ping. The pings (every client answers them by itself) keep it three intervals away.
        limits.setIdleTimeout(config.idleTimeout());
    }

    /**
     * Answers {@code ctx}'s request with 101 and hands the socket to {@code frames}; returns once the answer is
     * written. False when the request is not a WebSocket upgrade Jetty can accept: nothing was answered then.
     */
    boolean upgrade(Context ctx, FrameHandler frames) throws IOException {
        Request request = ServletCoreRequest.wrap(ctx.req());
        Response response = ServletCoreResponse.wrap(request, ctx.res(), false);
        if (!handshaker.isWebSocketUpgradeRequest(request)) {
            return false;
        }
        ServletContextHandler context = ServletContextHandler.getServletContextHandler(ctx.req().getServletContext());
        WebSocketComponents components = WebSocketServerComponents.ensureWebSocketComponents(context.getServer(), context);
        FutureCallback answered = new FutureCallback();
        if (!handshaker.upgradeRequest(new Negotiator(frames, limits), request, response, answered, components, null)) {
            return false;
        }
        answered.block();
        return true;
    }

    /** Accepts the one socket it was made for, with the first subprotocol the client offers (as Javalin did). */
    private static final class Negotiator extends WebSocketNegotiator.AbstractNegotiator {
        private final FrameHandler frames;

        Negotiator(FrameHandler frames, Configuration.Customizer limits) {
            super(limits);
            this.frames = frames;
        }

        @Override
        public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
            List<String> offered = request.getSubProtocols();
            if (!offered.isEmpty()) {
                response.setAcceptedSubProtocol(offered.get(0));
            }
            return frames;
        }
    }
}
