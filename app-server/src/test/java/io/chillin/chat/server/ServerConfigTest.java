package io.chillin.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.GuessLimits;
import io.chillin.chat.server.logging.LogFormat;
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
    void sends_in_flight_default_to_64_per_processor_and_a_value_below_one_is_refused_by_name() {
        assertThat(ServerConfig.fromEnvironment(Map.of()).sendsInFlight())
                .isEqualTo(64 * Runtime.getRuntime().availableProcessors());
        assertThat(ServerConfig.fromEnvironment(Map.of("CHAT_SENDS_IN_FLIGHT", "500")).sendsInFlight()).isEqualTo(500);
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CHAT_SENDS_IN_FLIGHT", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CHAT_SENDS_IN_FLIGHT");
    }

    @Test
    void wrong_password_limits_default_to_the_protocols_and_an_hour_allows_five_minutes_worth() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of());

        assertThat(config.guessLimits()).isEqualTo(GuessLimits.DEFAULT);
        assertThat(config.guessLimits().accountFromAddress()).isEqualTo(new GuessLimits.Limit(5, 25));
        assertThat(config.guessLimits().address()).isEqualTo(new GuessLimits.Limit(20, 100));
        assertThat(config.guessLimits().roomFromAddress()).isEqualTo(new GuessLimits.Limit(5, 25));
        assertThat(config.guessLimits().room()).isEqualTo(new GuessLimits.Limit(30, 150));
    }

    @Test
    void wrong_password_limits_are_read_from_the_environment() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of(
                "CHAT_LOGIN_FAILURES_PER_MINUTE", "3", "CHAT_LOGIN_FAILURES_PER_HOUR", "9",
                "CHAT_AUTH_ATTEMPTS_PER_MINUTE", "40",
                "CHAT_ROOM_PASSWORD_FAILURES_PER_MINUTE", "4", "CHAT_ROOM_PASSWORD_FAILURES_PER_HOUR", "8",
                "CHAT_ROOM_PASSWORD_FAILURES_PER_ROOM_PER_MINUTE", "50",
                "CHAT_ROOM_PASSWORD_FAILURES_PER_ROOM_PER_HOUR", "500"));

        assertThat(config.authAttemptsPerMinute()).as("registrations per address").isEqualTo(40);
        assertThat(config.guessLimits()).isEqualTo(new GuessLimits(new GuessLimits.Limit(3, 9),
                new GuessLimits.Limit(40, 200), new GuessLimits.Limit(4, 8), new GuessLimits.Limit(50, 500)));
        assertThat(ServerConfig.fromEnvironment(Map.of("CHAT_AUTH_ATTEMPTS_PER_HOUR", "1000")).guessLimits().address())
                .isEqualTo(new GuessLimits.Limit(20, 1000));
    }

    @Test
    void an_hourly_limit_below_its_minute_limit_is_refused_naming_both() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CHAT_LOGIN_FAILURES_PER_MINUTE", "10",
                "CHAT_LOGIN_FAILURES_PER_HOUR", "5")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("CHAT_LOGIN_FAILURES_PER_HOUR").hasMessageContaining("CHAT_LOGIN_FAILURES_PER_MINUTE");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CHAT_ROOM_PASSWORD_FAILURES_PER_ROOM_PER_MINUTE", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CHAT_ROOM_PASSWORD_FAILURES_PER_ROOM_PER_MINUTE");
    }

    @Test
    void the_old_apps_variables_keep_their_meaning() {
        ServerConfig config = ServerConfig.fromEnvironment(env(
                "PORT", "5001", "CLIENT_ORIGIN", "https://chat.example.org, http://localhost:3000",
                "DB_HOST", "db", "DB_PORT", "5433", "DB_NAME", "chillin_chatroom", "DB_USER", "chat", "DB_PASSWORD", "pw",
                "REDIS_URL", "redis://cache:6379", "USE_MINIO", "true", "MINIO_ENDPOINT", "http://minio:9000",
                "S3_ACCESS_KEY_ID", "minioadmin", "S3_SECRET_ACCESS_KEY", "minioadmin", "S3_BUCKET_NAME", "chillin-chatroom"));
        assertThat(config.port()).isEqualTo(5001);
        assertThat(config.allowedOrigins()).isEqualTo(Set.of("https://chat.example.org", "http://localhost:3000"));
        assertThat(config.postgres()).contains(new ServerConfig.Postgres("db", 5433, "chillin_chatroom", "chat", "pw"));
        assertThat(config.cluster()).contains(new ServerConfig.Cluster("redis://cache:6379", "chillin", Duration.ofSeconds(9)));
        assertThat(config.blobs().s3()).contains(new ServerConfig.S3(java.util.Optional.of("http://minio:9000"), "us-east-1",
                "chillin-chatroom", "minioadmin", "minioadmin"));
    }

    @Test
    void blobs_default_to_a_folder_in_the_data_directory() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of("CHAT_DATA_DIR", "/srv/chat"));
        assertThat(config.blobs().s3()).isEmpty();
        assertThat(config.blobs().dir()).isEqualTo(Path.of("/srv/chat/blobs"));
    }

    @Test
    void a_cluster_without_a_shared_blob_store_is_refused() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("DB_HOST", "db", "REDIS_URL", "redis://cache:6379")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("S3_BUCKET_NAME").hasMessageContaining("CHAT_BLOB_DIR");
    }

    @Test
    void half_an_s3_configuration_is_refused() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("USE_MINIO", "true")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("MINIO_ENDPOINT");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("S3_BUCKET_NAME", "b")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("S3_ACCESS_KEY_ID");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("MINIO_ENDPOINT", "http://m:9000")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("USE_MINIO");
    }

    private static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new java.util.HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    @Test
    void a_cluster_without_a_shared_database_is_refused_naming_what_to_set() {
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("REDIS_URL", "redis://cache:6379", "CHAT_BLOB_DIR", "/x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DB_HOST");
    }

    @Test
    void trusted_proxies_are_a_list_of_ranges_and_the_old_switch_means_loopback_only() {
        java.util.List<String> forwarded = java.util.List.of("6.6.6.6, 203.0.113.7");
        ServerConfig none = ServerConfig.fromEnvironment(Map.of());
        assertThat(none.trustedProxies().isEmpty()).isTrue();
        assertThat(none.strictTransport()).isFalse();

        ServerConfig listed = ServerConfig.fromEnvironment(Map.of("CHAT_TRUSTED_PROXIES", "127.0.0.1/32, 10.0.0.0/8"));
        assertThat(listed.trustedProxies().clientAddress("10.2.3.4", forwarded)).isEqualTo("203.0.113.7");
        assertThat(listed.trustedProxies().clientAddress("192.168.0.9", forwarded)).isEqualTo("192.168.0.9");

        ServerConfig legacy = ServerConfig.fromEnvironment(Map.of("CHAT_TRUST_PROXY", "true"));
        assertThat(legacy.trustedProxies().clientAddress("127.0.0.1", forwarded)).isEqualTo("203.0.113.7");
        assertThat(legacy.trustedProxies().clientAddress("10.2.3.4", forwarded)).as("no longer anybody").isEqualTo("10.2.3.4");

        ServerConfig both = ServerConfig.fromEnvironment(Map.of("CHAT_TRUST_PROXY", "true", "CHAT_TRUSTED_PROXIES", "10.0.0.0/8"));
        assertThat(both.trustedProxies().clientAddress("127.0.0.1", forwarded)).as("the list wins").isEqualTo("127.0.0.1");

        assertThat(ServerConfig.fromEnvironment(Map.of("CHAT_HSTS", "true")).strictTransport()).isTrue();
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CHAT_TRUSTED_PROXIES", "10.0.0.0/8,proxy.local")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CHAT_TRUSTED_PROXIES").hasMessageContaining("proxy.local");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CHAT_HSTS", "sometimes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CHAT_HSTS");
    }

    @Test
    void logs_are_text_unless_json_is_asked_for_and_another_format_stops_the_start() {
        assertThat(ServerConfig.fromEnvironment(Map.of()).logFormat()).isEqualTo(LogFormat.TEXT);
        assertThat(ServerConfig.fromEnvironment(Map.of("CHAT_LOG_FORMAT", "JSON")).logFormat()).isEqualTo(LogFormat.JSON);
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CHAT_LOG_FORMAT", "xml")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CHAT_LOG_FORMAT").hasMessageContaining("json");
    }

    @Test
    void a_postgres_password_never_shows_in_the_configuration_text() {
        ServerConfig config = ServerConfig.fromEnvironment(Map.of("DB_HOST", "db", "DB_PASSWORD", "pg-secret-42"));

        assertThat(config.toString()).contains("host=db").doesNotContain("pg-secret-42");
    }

    @Test
    void empty_quick_join_rooms_expire_after_ten_minutes_unless_set_and_zero_keeps_them() {
        assertThat(ServerConfig.fromEnvironment(Map.of()).emptyRoomTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(ServerConfig.fromEnvironment(Map.of("CHAT_EMPTY_ROOM_TTL_SECONDS", "90")).emptyRoomTtl())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(ServerConfig.fromEnvironment(Map.of("CHAT_EMPTY_ROOM_TTL_SECONDS", "0")).emptyRoomTtl()).isZero();
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CHAT_EMPTY_ROOM_TTL_SECONDS", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CHAT_EMPTY_ROOM_TTL_SECONDS");
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
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("DB_HOST", "db", "REDIS_URL", "http://nope", "CHAT_BLOB_DIR", "/x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("REDIS_URL");
        assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CHAT_TRUST_PROXY", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("CHAT_TRUST_PROXY");
    }
}
