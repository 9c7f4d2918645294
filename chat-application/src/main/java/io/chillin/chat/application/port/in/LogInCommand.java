package io.chillin.chat.application.port.in;

public record LogInCommand(String username, String password) {
}
