package io.chillin.chat.application.port.in;

/** Raw registration input, validated by the use case so each violation names its field. */
public record RegisterCommand(String username, String password, String email) {
}
