package io.chillin.chat.application.port.in;

/** A user's picture: its bytes and media type. */
public record Avatar(byte[] content, String contentType) {
}
