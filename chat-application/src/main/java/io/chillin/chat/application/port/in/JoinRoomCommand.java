package io.chillin.chat.application.port.in;

/**
 * Raw join input. {@code name} is the display name of a connection without identity (ignored when
 * the connection has one); {@code password} is for private rooms; {@code sinceSeq}, when given,
 * asks for every message after it instead of the latest page.
 */
public record JoinRoomCommand(String room, String name, String password, Long sinceSeq) {
}
