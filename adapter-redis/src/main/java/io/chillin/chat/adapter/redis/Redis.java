package io.chillin.chat.adapter.redis;

import io.chillin.chat.domain.ChatException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.metrics.MicrometerCommandLatencyRecorder;
import io.lettuce.core.metrics.MicrometerOptions;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Redis server shared by the instances of a cluster: a command connection, pub/sub connections on
 * demand, and the prefix that keeps this deployment's keys apart from anybody else's. Commands fail fast
 * with {@link ChatException.Unavailable} while Redis is unreachable instead of queueing.
 */
public final class Redis implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    /** All a client is told when Redis does not answer; Lettuce's words (hosts, ports) go to the log only. */
    static final String UNAVAILABLE = "Redis is unavailable: try again shortly";
    private static final Logger LOG = LoggerFactory.getLogger(Redis.class);

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String prefix;

    private Redis(RedisClient client, StatefulRedisConnection<String, String> connection, String prefix) {
        this.client = client;
        this.connection = connection;
        this.prefix = prefix;
    }

    /**
     * Connects to {@code redis://host:port[/db]}.
     *
     * @throws ChatException.Unavailable when Redis does not answer
     * @throws IllegalArgumentException for a URL that is not a Redis URL
     */
    public static Redis connect(String url, String prefix) {
        return connect(url, prefix, null);
    }

    /** As {@link #connect(String, String)}, recording each command's latency in {@code metrics} when given. */
    public static Redis connect(String url, String prefix, MeterRegistry metrics) {
        Objects.requireNonNull(prefix);
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(COMMAND_TIMEOUT);
        RedisClient client = metrics == null ? RedisClient.create(uri) : RedisClient.create(ClientResources.builder()
                .commandLatencyRecorder(new MicrometerCommandLatencyRecorder(metrics, MicrometerOptions.builder()
                        .histogram(true).build()))
                .build(), uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(COMMAND_TIMEOUT).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .build());
        try {
            StatefulRedisConnection<String, String> connection = client.connect();
            return new Redis(client, connection, prefix);
        } catch (RedisException e) {
            client.shutdown();
            throw new ChatException.Unavailable("cannot connect to Redis at " + uri.getHost() + ":" + uri.getPort()
                    + ": " + e.getMessage());
        }
    }

    /** A key or channel name under this deployment's prefix. */
    String key(String... parts) {
        return prefix + ":" + String.join(":", parts);
    }

    /** Runs commands; a Redis that does not answer is {@link ChatException.Unavailable}. */
    <T> T call(Function<RedisCommands<String, String>, T> work) {
        try {
            return work.apply(connection.sync());
        } catch (RedisException e) {
            LOG.warn("Redis did not answer: {}", e.toString());
            throw new ChatException.Unavailable(UNAVAILABLE);
        }
    }

    /**
     * Publishes without waiting for Redis's answer: commands on one connection reach Redis in the order they
     * were issued, so events keep their order; a failure is reported to {@code onFailure} on Lettuce's thread.
     */
    void publishAsync(String channel, String message, Consumer<Throwable> onFailure) {
        try {
            connection.async().publish(channel, message).whenComplete((receivers, failure) -> {
                if (failure != null) {
                    onFailure.accept(failure);
                }
            });
        } catch (RedisException e) {
            onFailure.accept(e);
        }
    }

    /** Runs a Lua script (sent by digest after the first time). */
    <T> T script(LuaScript script, ScriptOutputType type, String[] keys, String... args) {
        return call(redis -> script.run(redis, type, keys, args));
    }

    StatefulRedisPubSubConnection<String, String> connectPubSub() {
        return client.connectPubSub();
    }

    /** Checks that Redis answers, for a readiness probe. @throws ChatException.Unavailable otherwise */
    public void ping() {
        call(RedisCommands::ping);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
