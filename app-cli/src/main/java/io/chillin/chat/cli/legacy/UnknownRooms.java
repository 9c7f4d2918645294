package io.chillin.chat.cli.legacy;

/** What to do with messages filed under a room that is in neither rooms.json nor the store (a quick-joined room). */
public enum UnknownRooms {
    /** Create it as a public room, as joining it would today (creator: its first author; created: its first message). */
    CREATE,
    /** Skip its messages. */
    SKIP
}
