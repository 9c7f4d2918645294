package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.user.Identity;

/** Resolves a bearer token to its identity and slides the session's expiry.
 * @throws io.chillin.chat.domain.ChatException.Unauthorized for a missing, unknown, expired or logged-out token
  */
public interface AuthenticateUseCase {
    Identity authenticate(String token);

    /** The user behind the token, as {@link #authenticate} but as a view. */
    UserView me(String token);
}
