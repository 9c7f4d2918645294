package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.contract.RoomStoreContract;
import io.chillin.chat.application.port.out.RoomStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The room store contract on the real PostgreSQL. */
class PostgresRoomStoreOnPostgresqlTest extends RoomStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.postgres();

    @Override
    protected RoomStore newStore() {
        return new PostgresRoomStore(DB.get());
    }
}
