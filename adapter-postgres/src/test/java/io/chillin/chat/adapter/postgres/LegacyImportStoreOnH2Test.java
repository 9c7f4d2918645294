package io.chillin.chat.adapter.postgres;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The legacy import store on embedded H2. */
class LegacyImportStoreOnH2Test extends LegacyImportStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.h2();

    @Override
    protected Database database() {
        return DB.get();
    }
}
