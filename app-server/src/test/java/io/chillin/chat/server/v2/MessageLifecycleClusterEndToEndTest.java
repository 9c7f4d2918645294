package io.chillin.chat.server.v2;

import io.chillin.chat.server.support.PostgresDatabase;
import io.chillin.chat.server.support.TestCluster;
import io.chillin.chat.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The v2 rules across three instances on PostgreSQL + Redis: every party on another instance. */
class MessageLifecycleClusterEndToEndTest extends MessageLifecycleScenarios {

    private static PostgresDatabase database;
    private static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        database = PostgresDatabase.create();
        cluster = TestCluster.start(database, 3, "CHAT_MESSAGES_PER_10S", "1000");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Override
    TestServer instance(int i) {
        return cluster.instances().get(i);
    }
}
