package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.contract.UserStoreContract;
import io.chillin.chat.application.port.out.UserStore;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The user store contract on embedded H2. */
class PostgresUserStoreOnH2Test extends UserStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.h2();

    @Override
    protected UserStore newStore() {
        return new PostgresUserStore(DB.get(), Clock.systemUTC());
    }
}
