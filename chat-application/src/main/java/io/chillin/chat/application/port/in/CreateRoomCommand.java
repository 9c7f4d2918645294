package io.chillin.chat.application.port.in;

import io.chillin.chat.domain.user.Identity;

/** Raw room input; {@code description} and {@code password} may be null (a null or empty password makes a public room). */
public record CreateRoomCommand(Identity creator, String name, String description, String password) {
}
