package io.chillin.chat.application.port.in;


/** Opens a guest session under a display name.
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad name (field {@code name})
 * @throws io.chillin.chat.domain.ChatException.NameTaken when the name belongs to a registered user
  */
public interface EnterAsGuestUseCase {
    AuthResult enterAsGuest(String name);
}
