package io.chillin.chat.application.port.in;

/**
 * A user's avatar: the stored one of a registered user, else one generated from the name (guests).
 * @throws io.chillin.chat.domain.ChatException.Invalid for a name that is not a valid username
 */
public interface GetAvatarUseCase {
    Avatar avatar(String name);
}
