package io.chillin.chat.server;

import io.chillin.chat.testing.TestBackends;
import static org.assertj.core.api.Assertions.assertThat;

import io.chillin.chat.adapter.javalin.HealthProbe;
import io.chillin.chat.server.support.PostgresDatabase;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One choice per role, and the summary and the readiness checks are those choices, nothing else. */
class BackendsTest {

    private static List<String> roles(Backends backends) {
        return backends.choices().stream().map(Backends.Choice::role).toList();
    }

    @Test
    void embedded_every_role_is_chosen_once_and_the_summary_and_probes_say_exactly_that() throws Exception {
        Map<String, String> env = Map.of("CHAT_DATA_DIR", Files.createTempDirectory("backends").toString());
        try (Backends backends = Backends.open(ServerConfig.fromEnvironment(env), Clock.systemUTC())) {
            assertThat(roles(backends)).containsExactly("database", "blobs", "sessions", "bus", "presence", "rate-limiter");
            assertThat(backends.choices()).extracting(Backends.Choice::kind)
                    .containsExactly("h2", "filesystem", "h2", "in-process", "in-process", "in-process");
            assertThat(backends.probes()).extracting(HealthProbe::role).isEqualTo(roles(backends));
            for (HealthProbe probe : backends.probes()) {
                probe.check();
            }
            assertThat(backends.summary()).startsWith("database=h2 (").contains("bus=in-process")
                    .contains("sessions=h2");
            assertThat(backends.clustered()).isFalse();
        }
    }

    @Test
    void cluster_a_server_shares_everything_in_redis_and_an_admin_tool_only_announces() throws Exception {
        try (PostgresDatabase database = PostgresDatabase.create()) {
            Map<String, String> env = new HashMap<>(database.env());
            env.put("REDIS_URL", TestBackends.redisUrl());
            env.put("CHAT_REDIS_PREFIX", "backends-test-" + System.nanoTime());
            env.put("CHAT_BLOB_DIR", Files.createTempDirectory("backends-blobs").toString());
            ServerConfig config = ServerConfig.fromEnvironment(env);
            try (Backends server = Backends.open(config, Clock.systemUTC())) {
                assertThat(roles(server)).containsExactly("database", "blobs", "sessions", "bus", "presence",
                        "rate-limiter");
                assertThat(server.choices()).extracting(Backends.Choice::kind)
                        .containsExactly("postgresql", "filesystem", "redis", "redis", "redis", "redis");
                assertThat(server.clustered()).isTrue();
            }
            try (Backends admin = Backends.openForAdmin(config, Clock.systemUTC())) {
                List<String> adminRoles = new ArrayList<>(roles(admin));
                assertThat(adminRoles).as("no presence, no heartbeat, no rate limiter")
                        .containsExactly("database", "blobs", "sessions", "bus");
                assertThat(admin.summary()).contains("bus=redis (publish only)");
            }
        }
    }
}
