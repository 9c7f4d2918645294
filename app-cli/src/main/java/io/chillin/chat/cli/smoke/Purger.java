package io.chillin.chat.cli.smoke;

/** Deletes the smoke test's throwaway user and room from the server's store, when the CLI can reach it. */
@FunctionalInterface
public interface Purger {

    /** @return what was deleted, for the report */
    String purge(String user, String room);
}
