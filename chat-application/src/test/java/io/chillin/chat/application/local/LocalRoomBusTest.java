package io.chillin.chat.application.local;

import io.chillin.chat.application.contract.RoomBusContract;
import io.chillin.chat.application.port.out.RoomBus;

class LocalRoomBusTest extends RoomBusContract {

    /** In one process, every "instance" shares the one bus. */
    private final LocalRoomBus shared = new LocalRoomBus();

    @Override
    protected RoomBus newBus() {
        return shared;
    }
}
