package io.chillin.chat.application.port.in;


/** Creates an account and a session for it.
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad field
 * @throws io.chillin.chat.domain.ChatException.Conflict when the name is taken (ignoring case)
 * @throws io.chillin.chat.domain.ChatException.RateLimited when the address registers too often
  */
public interface RegisterUseCase {
    AuthResult register(RegisterCommand command, String clientAddress);
}
