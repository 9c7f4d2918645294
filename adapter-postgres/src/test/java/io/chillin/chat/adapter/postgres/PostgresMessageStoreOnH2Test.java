package io.chillin.chat.adapter.postgres;

import io.chillin.chat.application.contract.MessageStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The message store contract on embedded H2. */
class PostgresMessageStoreOnH2Test extends MessageStoreContract {

    @RegisterExtension
    static final TestDatabase DB = TestDatabase.h2();

    @Override
    protected Stores newStores() {
        return new Stores(new PostgresRoomStore(DB.get()), new PostgresMessageStore(DB.get()));
    }
}
