package io.chillin.chat.application.port.in;

/** A new session: who it is for and its bearer token (shown once, stored only as a hash). */
public record AuthResult(UserView user, String token) {
}
