package io.chillin.chat.application.port.in;

/**
 * Raw join input. {@code name} is the display name of a connection without identity (ignored when
 * the connection has one); {@code password} is for private rooms; {@code sinceSeq}, when given,
 * asks for every message after it instead of the latest page; {@code sinceRev} for every message added or changed
 * after that rev of the room, in its current state (not both).
 */
public record JoinRoomCommand(String room, String name, String password, Long sinceSeq, Long sinceRev) {

    /** A join as v1 knows it: no sinceRev. */
    public JoinRoomCommand(String room, String name, String password, Long sinceSeq) {
        this(room, name, password, sinceSeq, null);
    }
}
