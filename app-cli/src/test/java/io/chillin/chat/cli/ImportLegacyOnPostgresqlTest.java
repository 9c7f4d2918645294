package io.chillin.chat.cli;

import io.chillin.chat.server.support.PostgresPerClass;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The legacy import on PostgreSQL (DB_HOST and friends), in a throwaway database of this class's own. */
class ImportLegacyOnPostgresqlTest extends ImportLegacyContract {

    @RegisterExtension
    static final PostgresPerClass DATABASE = new PostgresPerClass();

    @Override
    protected Map<String, String> storeEnv() {
        return DATABASE.env();
    }
}
