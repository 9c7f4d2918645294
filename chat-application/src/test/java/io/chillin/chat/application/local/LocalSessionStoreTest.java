package io.chillin.chat.application.local;

import io.chillin.chat.application.contract.SessionStoreContract;
import io.chillin.chat.application.port.out.SessionStore;

class LocalSessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore newStore() {
        return new LocalSessionStore();
    }
}
