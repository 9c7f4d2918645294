package io.chillin.chat.server.support;

import io.chillin.chat.testing.TestBackends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Instances of one cluster in this process: one PostgreSQL database, the local Redis under a key prefix of their
 * own, and a shared blob folder. Closing it stops them all.
 */
public final class TestCluster implements AutoCloseable {

    private final List<TestServer> instances;

    private TestCluster(List<TestServer> instances) {
        this.instances = List.copyOf(instances);
    }

    /** Starts {@code count} instances on {@code database}, each with the same {@code extraEnv} (name, value, ...). */
    public static TestCluster start(PostgresDatabase database, int count, String... extraEnv) {
        String sharedBlobs;
        try {
            sharedBlobs = Files.createTempDirectory("cluster-blobs").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String prefix = TestServer.name("cluster-");
        List<TestServer> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                List<String> env = new ArrayList<>(List.of(database.serverEnv()));
                env.addAll(List.of("REDIS_URL", TestBackends.redisUrl(),
                        "CHAT_REDIS_PREFIX", prefix, "CHAT_BLOB_DIR", sharedBlobs));
                env.addAll(List.of(extraEnv));
                started.add(TestServer.start(env.toArray(String[]::new)));
            }
            return new TestCluster(started);
        } catch (RuntimeException e) {
            started.forEach(TestServer::close);
            throw e;
        }
    }

    public List<TestServer> instances() {
        return instances;
    }

    @Override
    public void close() {
        instances.forEach(TestServer::close);
    }
}
