package io.chillin.chat.adapter.redis;

import io.chillin.chat.testing.TestBackends;
import io.chillin.chat.application.contract.TestNames;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Redis the tests use ({@link TestBackends}: the environment, a container, or the local one) under a key prefix of this
 * test class's own, whose keys are deleted afterwards. Fails, never skips, when Redis is not there.
 */
final class TestRedis implements BeforeAllCallback, AfterAllCallback {

    static final String URL = TestBackends.redisUrl();

    private final String prefix = TestNames.unique("chat-test-");
    private final List<Redis> opened = new ArrayList<>();
    private final List<AutoCloseable> others = new ArrayList<>();

    String prefix() {
        return prefix;
    }

    /** A new connection under this class's prefix, closed after the class. */
    synchronized Redis connect() {
        Redis redis;
        try {
            redis = Redis.connect(URL, prefix);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Redis is needed at " + URL + " and did not answer: "
                    + TestBackends.howToProvide(), e);
        }
        opened.add(redis);
        return redis;
    }

    /** Closes the thing after the class, before the keys are deleted (a presence's heartbeat, say). */
    synchronized <T extends AutoCloseable> T closeAfterwards(T closeable) {
        others.add(closeable);
        return closeable;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        connect().ping();
    }

    /** Deletes every key under this class's prefix, as a Redis restart without persistence would. */
    synchronized void deleteAllKeys() {
        opened.getFirst().call(r -> {
            ScanIterator<String> keys = ScanIterator.scan(r, ScanArgs.Builder.matches(prefix + ":*").limit(500));
            List<String> all = new ArrayList<>();
            keys.forEachRemaining(all::add);
            if (!all.isEmpty()) {
                r.del(all.toArray(String[]::new));
            }
            return all.size();
        });
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        for (AutoCloseable closeable : others) {
            closeable.close();
        }
        deleteAllKeys();
        opened.forEach(Redis::close);
    }
}
