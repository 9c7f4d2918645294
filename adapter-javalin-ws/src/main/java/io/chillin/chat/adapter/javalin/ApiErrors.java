package io.chillin.chat.adapter.javalin;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.ErrorCode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where REST failures become the protocol's error body and status. */
final class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case VALIDATION, MALFORMED -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN, NOT_IN_ROOM -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT, NAME_TAKEN -> 409;
            case RATE_LIMITED -> 429;
            case INTERNAL -> 500;
            case UNAVAILABLE -> 503;
        };
    }

    static void register(JavalinConfig config, EdgeMetrics metrics) {
        config.routes.exception(ChatException.class, (e, ctx) -> {
            if (e instanceof ChatException.RateLimited limited) {
                ctx.header("Retry-After", String.valueOf(Math.max(1, (limited.retryAfter().toMillis() + 999) / 1000)));
            }
            respond(ctx, e.code(), e.getMessage(), Json.fieldOf(e), metrics);
        });
        config.routes.exception(Json.Malformed.class,
                (e, ctx) -> respond(ctx, ErrorCode.MALFORMED, e.getMessage(), e.field, metrics));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> {
            ErrorCode code = switch (e.getStatus()) {
                case 401 -> ErrorCode.UNAUTHORIZED;
                case 403 -> ErrorCode.FORBIDDEN;
                case 404, 405 -> ErrorCode.NOT_FOUND;
                case 413 -> ErrorCode.MALFORMED;
                default -> e.getStatus() < 500 ? ErrorCode.MALFORMED : ErrorCode.INTERNAL;
            };
            // the protocol gives each code one status: a body over the size limit (413) is MALFORMED, so 400
            ctx.status(code == ErrorCode.MALFORMED ? status(code) : e.getStatus());
            ctx.json(Json.errorBody(code.name(), e.getMessage(), null));
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, ErrorCode.INTERNAL, "internal error", null, metrics);
        });
        config.routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.path().startsWith("/api/")) {
                ctx.json(Json.errorBody(ErrorCode.NOT_FOUND.name(), "no such resource: " + ctx.path(), null));
            }
        });
    }

    private static void respond(Context ctx, ErrorCode code, String message, String field, EdgeMetrics metrics) {
        metrics.refused(code.name(), "rest");
        ctx.status(status(code));
        ctx.json(Json.errorBody(code.name(), message, field));
    }
}
