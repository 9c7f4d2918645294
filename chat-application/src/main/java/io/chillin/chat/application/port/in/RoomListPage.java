package io.chillin.chat.application.port.in;

import java.util.List;

/** Rooms in the order of their names' keys; {@code nextCursor} asks for the page after, and is null on the last page. */
public record RoomListPage(List<RoomView> rooms, String nextCursor) {

    public RoomListPage {
        rooms = List.copyOf(rooms);
    }

    public boolean hasMore() {
        return nextCursor != null;
    }
}
