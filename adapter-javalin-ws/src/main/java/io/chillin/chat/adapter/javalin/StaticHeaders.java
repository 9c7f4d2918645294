package io.chillin.chat.adapter.javalin;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Headers for everything the server sends: no sniffing, no referrer; for the web client, a strict
 * content security policy, index.html always revalidated, and the hashed asset files cached for good.
 */
final class StaticHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:;"
            + " style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private StaticHeaders() {
    }

    static void register(JavalinConfig cfg) {
        cfg.routes.before(StaticHeaders::apply);
    }

    private static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        String path = ctx.path();
        if (path.startsWith("/api/") || path.startsWith("/ws") || path.startsWith("/health")) {
            return;
        }
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Cache-Control", path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    }
}
