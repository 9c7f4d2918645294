package io.chillin.chat.application.port.in;


/** Creates an account and a session for it, or nothing: a registration that fails leaves no account behind.
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad field
 * @throws io.chillin.chat.domain.ChatException.Conflict when the name is taken (ignoring case) or a look-alike is
 * @throws io.chillin.chat.domain.ChatException.RateLimited when the address registers too often, or the server is busy
 *         hashing passwords
 * @throws io.chillin.chat.domain.ChatException.Unavailable when a store does not answer (then nothing was kept)
  */
public interface RegisterUseCase {
    AuthResult register(RegisterCommand command, String clientAddress);
}
