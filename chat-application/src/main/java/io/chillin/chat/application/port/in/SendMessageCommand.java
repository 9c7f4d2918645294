package io.chillin.chat.application.port.in;

/** Raw send input; validated by the use case. */
public record SendMessageCommand(String room, String tempId, String text) {
}
