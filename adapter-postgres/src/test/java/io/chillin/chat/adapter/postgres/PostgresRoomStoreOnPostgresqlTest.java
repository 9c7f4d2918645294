package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.contract.RoomStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The room store contract on the real PostgreSQL. */
class PostgresRoomStoreOnPostgresqlTest extends RoomStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Override
    protected Stores newStores() {
        return new Stores(new PostgresRoomStore(DB.get()), new PostgresMessageStore(DB.get()));
    }
}
