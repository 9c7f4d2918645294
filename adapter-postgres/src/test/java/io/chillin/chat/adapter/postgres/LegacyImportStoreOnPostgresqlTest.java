package io.chillin.chat.adapter.postgres;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The legacy import store on the real PostgreSQL. */
class LegacyImportStoreOnPostgresqlTest extends LegacyImportStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Override
    protected Database database() {
        return DB.get();
    }
}
