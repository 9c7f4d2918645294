package io.chillin.chat.application.local;

import io.chillin.chat.application.contract.RoomStoreContract;

class LocalRoomStoreTest extends RoomStoreContract {

    @Override
    protected Stores newStores() {
        LocalRoomStore rooms = new LocalRoomStore();
        return new Stores(rooms, new LocalMessageStore(rooms));
    }
}
