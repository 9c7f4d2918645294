package io.chillin.chat.cli;

/** A command line that parses but cannot work as given (a missing --yes, a bench that needs two URLs): exit 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
