package io.chillin.chat.cli;

/** Destructive commands ask for {@code --yes} rather than a prompt, so scripts and people use them the same way. */
final class Confirmation {

    private Confirmation() {
    }

    static void require(boolean yes, String what) {
        if (!yes) {
            throw new UsageException(what + ": add --yes to confirm");
        }
    }
}
