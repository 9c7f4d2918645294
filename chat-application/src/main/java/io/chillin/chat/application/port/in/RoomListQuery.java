package io.chillin.chat.application.port.in;

/**
 * A page of the room list: {@code limit} rooms (default 100, at most 500) after {@code cursor}, the
 * {@link RoomListPage#nextCursor()} of the page before. Nulls mean "not given": the first page, the default size.
 */
public record RoomListQuery(Integer limit, String cursor) {

    /** The first page, of the default size: what a client that knows nothing of paging gets. */
    public static final RoomListQuery FIRST_PAGE = new RoomListQuery(null, null);
}
