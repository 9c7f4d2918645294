package io.chillin.chat.application.port.in;


/** Tells the other members that this connection's user started or stopped typing; never stored.
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad room name
 * @throws io.chillin.chat.domain.ChatException.NotInRoom when the connection is not in the room
  */
public interface TypingUseCase {
    void typing(Connection connection, String room, boolean typing);
}
