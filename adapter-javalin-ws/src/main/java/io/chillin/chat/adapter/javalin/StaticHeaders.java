package io.chillin.chat.adapter.javalin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Headers for everything the server sends: no sniffing, no referrer, and HSTS when the deployment is behind
 * TLS. The API (JSON and the SVG avatars) may load, run and frame nothing at all; the web client gets a strict
 * content security policy that lets it talk to its own origin only (CSP Level 3 browsers match same-origin
 * ws: and wss: under 'self'), index.html always revalidated, and the hashed asset files cached for good.
 */
final class StaticHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:;"
            + " style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private StaticHeaders() {
    }

    static void register(JavalinConfig cfg, boolean strictTransport) {
        cfg.routes.before(ctx -> apply(ctx, strictTransport));
        // A route may refuse before it reads the body (a bad token); closing with the body unread resets the
        // connection, and the reset can overtake the answer. Bodies are small (64 KiB at most): read them first.
        cfg.routes.before("/api/*", ctx -> {
            if (ctx.contentLength() > 0) {
                ctx.bodyAsBytes();
            }
        });
    }

    private static void apply(Context ctx, boolean strictTransport) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (strictTransport) {
            ctx.header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        String path = ctx.path();
        if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/ws") || path.startsWith("/health")) {
            ctx.header("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
            return;
        }
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Cache-Control", path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    }
}
