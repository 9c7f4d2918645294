package io.chillin.chat.adapter.javalin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chillin.chat.adapter.javalin.WireJson.MessageJson;
import io.chillin.chat.adapter.javalin.WireJson.RoomJson;
import io.chillin.chat.adapter.javalin.WireJson.UserJson;
import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.port.in.AuthResult;
import io.chillin.chat.application.port.in.Avatar;
import io.chillin.chat.application.port.in.CreateRoomCommand;
import io.chillin.chat.application.port.in.HistoryPage;
import io.chillin.chat.application.port.in.HistoryQuery;
import io.chillin.chat.application.port.in.LogInCommand;
import io.chillin.chat.application.port.in.RegisterCommand;
import io.chillin.chat.application.port.in.RoomListPage;
import io.chillin.chat.application.port.in.RoomListQuery;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.domain.user.Identity;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REST routes of PROTOCOL.md. */
final class RestApi {

    /** What a client reads of a backend that failed its check; the reason goes to the server's log. */
    static final String BACKEND_DOWN = "did not answer (see the server log)";
    private static final Logger LOG = LoggerFactory.getLogger(RestApi.class);

    private final ChatCore core;
    private final List<HealthProbe> probes;
    private final Instant startedAt = Instant.now();

    RestApi(ChatCore core, List<HealthProbe> probes) {
        this.core = core;
        this.probes = List.copyOf(probes);
    }

    void register(JavalinConfig cfg) {
        cfg.routes.post("/api/auth/register", this::register);
        cfg.routes.post("/api/auth/login", this::logIn);
        cfg.routes.post("/api/auth/guest", this::guest);
        cfg.routes.post("/api/auth/logout", this::logOut);
        cfg.routes.get("/api/me", ctx -> ctx.json(Map.of("user", UserJson.from(core.authenticate().me(bearer(ctx))))));
        cfg.routes.get("/api/rooms", this::listRooms);
        cfg.routes.get("/api/rooms/{name}", ctx -> ctx.json(Map.of("room",
                RoomJson.from(core.showRoom().showRoom(ctx.pathParam("name"))))));
        cfg.routes.post("/api/rooms/create", this::createRoom);
        cfg.routes.post("/api/rooms/join", this::checkRoomAccess);
        cfg.routes.get("/api/rooms/{name}/messages", this::history);
        cfg.routes.get("/api/users/{name}/avatar", this::avatar);
        cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok",
                "uptimeSeconds", Duration.between(startedAt, Instant.now()).toSeconds())));
        cfg.routes.get("/health/ready", this::ready);
    }

    private void register(Context ctx) {
        Json.Fields body = body(ctx);
        AuthResult result = core.register().register(
                new RegisterCommand(body.string("username"), body.string("password"), body.string("email")), ctx.ip());
        ctx.status(201).json(auth(result));
    }

    private void logIn(Context ctx) {
        Json.Fields body = body(ctx);
        // ctx.ip() is the client's address as TrustedProxies finds it, not whatever X-Forwarded-For claims.
        AuthResult result = core.logIn().logIn(new LogInCommand(body.string("username"), body.string("password")),
                ctx.ip());
        ctx.json(auth(result));
    }

    private void guest(Context ctx) {
        ctx.json(auth(core.enterAsGuest().enterAsGuest(body(ctx).string("name"), ctx.ip())));
    }

    private void logOut(Context ctx) {
        String token = bearer(ctx);
        core.authenticate().authenticate(token);
        core.logOut().logOut(token);
        ctx.status(204);
    }

    private void createRoom(Context ctx) {
        Identity creator = core.authenticate().authenticate(bearer(ctx));
        Json.Fields body = body(ctx);
        var room = core.createRoom().createRoom(new CreateRoomCommand(creator, body.string("name"),
                body.string("description"), body.string("password"), ctx.ip()));
        ctx.status(201).json(Map.of("room", RoomJson.from(room)));
    }

    private void checkRoomAccess(Context ctx) {
        Identity who = optionalIdentity(ctx);
        Json.Fields body = body(ctx);
        var room = core.checkRoomAccess().checkAccess(who, body.string("roomName"), body.string("password"), ctx.ip());
        ctx.json(Map.of("room", RoomJson.from(room)));
    }

    /** A v1 client asks without parameters and reads {@code rooms}; {@code nextCursor} appears only when more follow. */
    private void listRooms(Context ctx) {
        RoomListPage page = core.listRooms().listRooms(new RoomListQuery(intParam(ctx, "limit"), ctx.queryParam("cursor"),
                optionalIdentity(ctx)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rooms", page.rooms().stream().map(RoomJson::from).toList());
        if (page.hasMore()) {
            body.put("nextCursor", page.nextCursor());
        }
        ctx.json(body);
    }

    private void history(Context ctx) {
        HistoryQuery query = new HistoryQuery(optionalIdentity(ctx), ctx.pathParam("name"),
                intParam(ctx, "limit"), longParam(ctx, "before"), longParam(ctx, "after"));
        HistoryPage page = core.readHistory().readHistory(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messages", page.messages().stream().map(MessageJson::from).toList());
        body.put("hasMore", page.hasMore());
        body.put("rev", page.rev());
        ctx.json(body);
    }

    private void avatar(Context ctx) {
        Avatar avatar = core.avatar().avatar(ctx.pathParam("name"));
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(avatar.contentType()).result(avatar.content());
    }

    private void ready(Context ctx) {
        Map<String, Object> backends = new LinkedHashMap<>();
        boolean allUp = true;
        for (HealthProbe probe : probes) {
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("kind", probe.kind());
            try {
                probe.check();
                state.put("status", "up");
            } catch (Exception e) {
                allUp = false;
                LOG.warn("readiness: the {} backend ({}) did not answer: {}", probe.role(), probe.kind(), e.toString());
                state.put("status", "down");
                state.put("error", BACKEND_DOWN);
            }
            backends.put(probe.role(), state);
        }
        ctx.status(allUp ? 200 : 503).json(Map.of("status", allUp ? "ready" : "unavailable", "backends", backends));
    }

    private static Map<String, Object> auth(AuthResult result) {
        return Map.of("user", UserJson.from(result.user()), "token", result.token());
    }

    static Json.Fields body(Context ctx) {
        // JSON travels as UTF-8 (RFC 8259); a body declared in another charset, known or not, is refused, never a 500
        String charset = ctx.characterEncoding();
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new Json.Malformed("the body must be JSON in UTF-8, not '" + abbreviated(charset) + "'", null);
        }
        ObjectNode node = Json.object(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8));
        return new Json.Fields(node);
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    /** The bearer token, or null when the request carries none. */
    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return null;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ChatException.Unauthorized("use 'Authorization: Bearer <token>'");
        }
        return header.substring(7).trim();
    }

    private Identity optionalIdentity(Context ctx) {
        String token = bearer(ctx);
        return token == null ? null : core.authenticate().authenticate(token);
    }

    private static Integer intParam(Context ctx, String name) {
        Long value = longParam(ctx, name);
        if (value == null) {
            return null;
        }
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new ChatException.Invalid(name, name + " is out of range");
        }
        return value.intValue();
    }

    private static Long longParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new ChatException.Invalid(name, name + " must be a whole number");
        }
    }
}
