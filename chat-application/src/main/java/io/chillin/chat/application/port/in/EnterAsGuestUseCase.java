package io.chillin.chat.application.port.in;


/** Opens a guest session under a display name.
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad name (field {@code name})
 * @throws io.chillin.chat.domain.ChatException.NameTaken when the name belongs to a registered user or looks like one
  */
public interface EnterAsGuestUseCase {

    /**
     * @param clientAddress where the request came from: guest tokens per address are limited
     * @throws io.chillin.chat.domain.ChatException.RateLimited when this address has had too many
     */
    AuthResult enterAsGuest(String name, String clientAddress);

    /** A guest session asked for by this process (an embedding program, a test), spared the per-address limit. */
    default AuthResult enterAsGuest(String name) {
        return enterAsGuest(name, Connection.LOCAL);
    }
}
