package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.contract.SessionStoreContract;
import io.chillin.chat.application.port.out.SessionStore;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The session store contract on embedded H2. */
class PostgresSessionStoreOnH2Test extends SessionStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.h2();

    @Override
    protected SessionStore newStore() {
        return new PostgresSessionStore(DB.get(), Clock.systemUTC());
    }
}
