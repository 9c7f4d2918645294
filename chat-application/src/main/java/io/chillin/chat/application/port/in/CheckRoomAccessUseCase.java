package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.user.Identity;

/** Checks that somebody may enter a room: the password, for a private room; {@code clientAddress} is whence it came.
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad room name
 * @throws io.chillin.chat.domain.ChatException.NotFound for an unknown room
 * @throws io.chillin.chat.domain.ChatException.Forbidden for a missing or wrong password
 * @throws io.chillin.chat.domain.ChatException.RateLimited when the room, or the room from this address, had too many
 *         wrong passwords
  */
public interface CheckRoomAccessUseCase {
    RoomView checkAccess(Identity who, String room, String password, String clientAddress);
}
