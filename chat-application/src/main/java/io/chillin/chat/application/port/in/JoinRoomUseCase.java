package io.chillin.chat.application.port.in;


/** Puts a connection in a room (creating a public room that does not exist yet) and starts delivery to it.
 * Every persisted message after the returned history reaches the connection exactly once, in seq order.
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad room, name or sinceSeq
 * @throws io.chillin.chat.domain.ChatException.Forbidden for a missing or wrong private-room password
 * @throws io.chillin.chat.domain.ChatException.RateLimited when the room, or the room from the connection's address,
 *         had too many wrong passwords
 * @throws io.chillin.chat.domain.ChatException.NameTaken when another identity uses the name in the room or the name is a registered user's
 *         or looks like one
 * @throws io.chillin.chat.domain.ChatException.Conflict when no room has the name but one has a look-alike of it (named in the message)
  */
public interface JoinRoomUseCase {
    JoinResult join(Connection connection, JoinRoomCommand command);
}
