package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.contract.UserStoreContract;
import io.chillin.chat.application.port.out.UserStore;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The user store contract on the real PostgreSQL. */
class PostgresUserStoreOnPostgresqlTest extends UserStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Override
    protected UserStore newStore() {
        return new PostgresUserStore(DB.get(), Clock.systemUTC());
    }
}
