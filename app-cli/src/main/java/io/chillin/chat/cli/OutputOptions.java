package io.chillin.chat.cli;

import picocli.CommandLine.Option;

/** The output choice every reporting command shares. */
public final class OutputOptions {

    @Option(names = "--json", description = "Print the result as JSON instead of a table.")
    boolean json;

    public boolean json() {
        return json;
    }
}
