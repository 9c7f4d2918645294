package io.chillin.chat.application.port.in;


/** Opens a session for an account; a legacy password hash is replaced after the first success.
 * @throws io.chillin.chat.domain.ChatException.Unauthorized with the same message whether or not the user exists
 * @throws io.chillin.chat.domain.ChatException.RateLimited when the account from this address, or this address, failed
 *         too often (only failures count)
  */
public interface LogInUseCase {
    AuthResult logIn(LogInCommand command, String clientAddress);
}
