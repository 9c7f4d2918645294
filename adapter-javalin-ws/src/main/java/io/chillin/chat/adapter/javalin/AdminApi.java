package io.chillin.chat.adapter.javalin;

import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.port.in.AdministerRoomsUseCase.AdminRoom;
import io.chillin.chat.application.service.AdminService;
import io.chillin.chat.domain.user.Identity;
import io.chillin.chat.domain.user.User;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Map;

/**
 * The admin REST API ({@code /api/admin/...}, docs/PROTOCOL.md): the core's administration use cases for a token whose
 * account has the admin role (granted with the CLI). Never a password hash in an answer.
 */
final class AdminApi {

    private final ChatCore core;

    AdminApi(ChatCore core) {
        this.core = core;
    }

    void register(JavalinConfig cfg) {
        cfg.routes.get("/api/admin/users", ctx -> ctx.json(Map.of("users",
                admin(ctx).listUsers().stream().map(u -> AdminUserJson.of(u, core.admin())).toList())));
        cfg.routes.post("/api/admin/users", this::createUser);
        cfg.routes.get("/api/admin/users/{name}", ctx -> ctx.json(Map.of("user",
                AdminUserJson.of(admin(ctx).showUser(ctx.pathParam("name")), core.admin()))));
        cfg.routes.delete("/api/admin/users/{name}", ctx -> {
            admin(ctx).deleteUser(ctx.pathParam("name"));
            ctx.status(204);
        });
        cfg.routes.post("/api/admin/users/{name}/password", ctx -> {
            AdminService admin = admin(ctx);
            admin.resetPassword(ctx.pathParam("name"), RestApi.body(ctx).string("password"));
            ctx.status(204);
        });
        cfg.routes.post("/api/admin/users/{name}/logout-all", ctx -> {
            admin(ctx).endSessions(ctx.pathParam("name"));
            ctx.status(204);
        });
        cfg.routes.get("/api/admin/rooms", ctx -> ctx.json(Map.of("rooms",
                admin(ctx).listRooms().stream().map(AdminRoomJson::of).toList())));
        cfg.routes.post("/api/admin/rooms", this::createRoom);
        cfg.routes.delete("/api/admin/rooms/{name}", ctx -> ctx.json(Map.of("deletedMessages",
                admin(ctx).deleteRoom(ctx.pathParam("name")))));
        cfg.routes.put("/api/admin/rooms/{name}/password", ctx -> {
            AdminService admin = admin(ctx);
            ctx.json(Map.of("room", AdminRoomJson.of(admin.setRoomPassword(ctx.pathParam("name"),
                    RestApi.body(ctx).string("password")))));
        });
    }

    private void createUser(Context ctx) {
        AdminService admin = admin(ctx);
        Json.Fields body = RestApi.body(ctx);
        User user = admin.createUser(body.string("username"), body.string("password"), body.string("email"));
        ctx.status(201).json(Map.of("user", AdminUserJson.of(user, admin)));
    }

    private void createRoom(Context ctx) {
        Identity who = core.authenticate().authenticate(RestApi.bearer(ctx));
        AdminService admin = core.admin();
        admin.requireAdmin(who);
        Json.Fields body = RestApi.body(ctx);
        String creator = body.string("creator");
        AdminRoom room = admin.createRoom(body.string("name"), body.string("description"), body.string("password"),
                creator == null ? who.name().value() : creator);
        ctx.status(201).json(Map.of("room", AdminRoomJson.of(room)));
    }

    /** The administration use cases, once the request's token is an admin's (401 without a token, 403 otherwise). */
    private AdminService admin(Context ctx) {
        String token = RestApi.bearer(ctx);
        core.admin().requireAdmin(token == null ? null : core.authenticate().authenticate(token));
        return core.admin();
    }

    record AdminUserJson(String username, String email, Instant createdAt, boolean admin) {
        static AdminUserJson of(User user, AdminService admin) {
            return new AdminUserJson(user.username().value(), user.email(), user.createdAt(),
                    admin.isAdmin(user.username().value()));
        }
    }

    record AdminRoomJson(String name, String description, String creator, boolean isPrivate, long messages,
                         Instant createdAt) {
        static AdminRoomJson of(AdminRoom r) {
            return new AdminRoomJson(r.room().name().value(), r.room().description().value(), r.room().creator().value(),
                    r.room().isPrivate(), r.messages(), r.room().createdAt());
        }
    }
}
