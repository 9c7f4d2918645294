package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading the environment: defaults, the old app's names, and refusals that say what to fix. */
class ServerConfigTest {

    @Test
    void no_configuration_means_the_embedded_single_instance_on_port_5000() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of());
        assertThat(config.port()).isEqualTo(5000);
        assertThat(config.postgres()).isEmpty();
        assertThat(config.cluster()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(config.allowedOrigins()).containsExactly("http://localhost:3000");
        assertThat(config.passwordMinLength()).isEqualTo(6);
        assertThat(config.messagesPer10Seconds()).isEqualTo(10);
    }

    @Test
    void the_old_apps_variables_keep_their_meaning() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of(
                "PORT", "5001", "CLIENT_ORIGIN", "https://chat.example.org, http://localhost:3000",
                "DB_HOST", "db", "DB_PORT", "5433", "DB_NAME", "chillin_chatroom", "DB_USER", "chat", "DB_PASSWORD", "pw",
                "REDIS_URL", "redis://cache:6379"));
        assertThat(config.port()).isEqualTo(5001);
        assertThat(config.allowedOrigins()).isEqualTo(Set.of("https://chat.example.org", "http://localhost:3000"));
        assertThat(config.postgres()).contains(new ServerConfig.Postgres("db", 5433, "chillin_chatroom", "chat", "pw"));
        assertThat(config.cluster()).contains(new ServerConfig.Cluster("redis://cache:6379", "chillin", Duration.ofSeconds(9)));
    }

    @Test
    void a_cluster_without_a_shared_database_is_refused_naming_what_to_set() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("REDIS_URL", "redis://cache:6379")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DB_HOST");
    }

    @Test
    void database_details_without_a_host_are_refused() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("DB_NAME", "x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DB_HOST");
    }

    @Test
    void malformed_values_name_the_variable() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("PORT", "fifty")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PORT");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CLIENT_ORIGIN", "http://x.org/path")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CLIENT_ORIGIN");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("DB_HOST", "db", "REDIS_URL", "http://nope")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("REDIS_URL");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CHAT_TRUST_PROXY", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CHAT_TRUST_PROXY");
    }
}
