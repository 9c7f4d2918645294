package io.chillin.chat.application.port.in;


/** Creates a room; with a password it is private.
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad field
 * @throws io.chillin.chat.domain.ChatException.Conflict when the name is taken (ignoring case) or a look-alike is
 * @throws io.chillin.chat.domain.ChatException.RateLimited when the server is busy hashing passwords (a private room)
  */
public interface CreateRoomUseCase {
    RoomView createRoom(CreateRoomCommand command);
}
