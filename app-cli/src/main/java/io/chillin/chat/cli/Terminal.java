package io.chillin.chat.cli;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is a terminal: colours and progress bars are for people, never for pipes and files. */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 System.console() is non-null even when redirected; Console.isTerminal() tells the truth.
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true;
        }
    }
}
