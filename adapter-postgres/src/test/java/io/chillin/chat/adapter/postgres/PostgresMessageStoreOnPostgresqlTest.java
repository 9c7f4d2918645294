package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.contract.MessageStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The message store contract on the real PostgreSQL. */
class PostgresMessageStoreOnPostgresqlTest extends MessageStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Override
    protected Stores newStores() {
        return new Stores(new PostgresRoomStore(DB.get()), new PostgresMessageStore(DB.get()));
    }
}
