package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.user.Identity;

/** Checks that somebody may enter a room: the password, for a private room.
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad room name
 * @throws io.chillin.chat.domain.ChatException.NotFound for an unknown room
 * @throws io.chillin.chat.domain.ChatException.Forbidden for a missing or wrong password
  */
public interface CheckRoomAccessUseCase {
    RoomView checkAccess(Identity who, String room, String password);
}
