package io.chillin.chat.cli;

import io.chillin.chat.cli.legacy.LegacyImporter;
import io.chillin.chat.cli.legacy.MalformedLegacyFile;
import io.chillin.chat.domain.ChatException;
import io.chillin.chat.server.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where the CLI turns what went wrong into a message and an exit code: {@value #USAGE} for a
 * command line or value that cannot work (picocli's own usage errors, a value the domain refuses, a bad
 * configuration), {@value #FAILURE} for everything that was tried and failed. Bugs print their stack trace.
 */
final class CliErrors implements IExecutionExceptionHandler {

    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;

    private final Printer colours;

    CliErrors(Printer colours) {
        this.colours = colours;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        int code = switch (ex) {
            case CommandLine.ParameterException usage -> {
                print(err, usage.getMessage());
                err.println("Try '" + usage.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
                yield USAGE;
            }
            case UsageException usage -> {
                print(err, usage.getMessage());
                yield USAGE;
            }
            case ChatException.Invalid invalid -> {
                print(err, "invalid " + invalid.field() + ": " + invalid.getMessage());
                yield USAGE;
            }
            case ConfigException config -> {
                print(err, "configuration: " + config.getMessage());
                yield USAGE;
            }
            case ChatException rejected -> {
                print(err, rejected.getMessage() + " (" + rejected.code() + ")");
                yield FAILURE;
            }
            case MalformedLegacyFile malformed -> {
                print(err, malformed.getMessage());
                yield FAILURE;
            }
            case LegacyImporter.ImportFailed failed -> {
                print(err, failed.getMessage());
                yield FAILURE;
            }
            default -> {
                print(err, "internal error: " + ex);
                ex.printStackTrace(err);
                yield FAILURE;
            }
        };
        err.flush();
        return code;
    }

    private void print(PrintWriter err, String message) {
        err.println(colours.red("error:") + " " + message);
    }
}
