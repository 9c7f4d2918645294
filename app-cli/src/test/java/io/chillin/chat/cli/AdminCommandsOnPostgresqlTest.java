package io.chillin.chat.cli;

import io.chillin.chat.server.support.PostgresDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The admin commands on PostgreSQL (DB_HOST and friends), in a throwaway database of this class's own. */
class AdminCommandsOnPostgresqlTest extends AdminCommandsContract {

    private static PostgresDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = PostgresDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Override
    protected Map<String, String> storeEnv() {
        return database.env();
    }
}
