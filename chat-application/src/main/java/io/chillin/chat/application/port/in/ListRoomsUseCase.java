package io.chillin.chat.application.port.in;

import java.util.List;

/** Lists every room with its live member count, oldest first.  */
public interface ListRoomsUseCase {
    List<RoomView> listRooms();
}
