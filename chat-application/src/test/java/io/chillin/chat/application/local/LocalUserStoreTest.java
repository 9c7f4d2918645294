package io.chillin.chat.application.local;

import io.chillin.chat.application.contract.UserStoreContract;
import io.chillin.chat.application.port.out.UserStore;

class LocalUserStoreTest extends UserStoreContract {

    @Override
    protected UserStore newStore() {
        return new LocalUserStore();
    }
}
