package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.user.Identity;

/**
 * A page of the room list: {@code limit} rooms (default 100, at most 500) after {@code cursor}, the
 * {@link RoomListPage#nextCursor()} of the page before. Nulls mean "not given": the first page, the default size.
 * With a {@code viewer}, each room also tells how far the viewer has read it.
 */
public record RoomListQuery(Integer limit, String cursor, Identity viewer) {

    /** The first page, of the default size: what a client that knows nothing of paging gets. */
    public static final RoomListQuery FIRST_PAGE = new RoomListQuery(null, null);

    /** A page for nobody in particular: no read positions. */
    public RoomListQuery(Integer limit, String cursor) {
        this(limit, cursor, null);
    }
}
