package io.chillin.chat.application.local;

import io.chillin.chat.application.contract.RoomStoreContract;
import io.chillin.chat.application.port.out.RoomStore;

class LocalRoomStoreTest extends RoomStoreContract {

    @Override
    protected RoomStore newStore() {
        return new LocalRoomStore();
    }
}
