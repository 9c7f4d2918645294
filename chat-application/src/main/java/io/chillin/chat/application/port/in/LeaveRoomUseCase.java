package io.chillin.chat.application.port.in;


/** Takes a connection out of a room; the others hear of it when the user's last connection leaves.
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad room name
 * @throws io.chillin.chat.domain.ChatException.NotInRoom when the connection is not in the room
  */
public interface LeaveRoomUseCase {
    void leave(Connection connection, String room);

    /** Takes a closed connection out of every room it was in; never throws a rejection. */
    void disconnect(Connection connection);
}
