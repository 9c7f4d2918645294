package io.chillin.chat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How a password reaches a command without showing up in the process list: asked for (not echoed) by
 * {@code --password} alone, read from standard input by {@code --password-stdin}, or, for scripts that accept
 * the risk, given inline as {@code --password=VALUE}.
 */
public final class PasswordOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--password", arity = "0..1", interactive = true, paramLabel = "PASSWORD", prompt = "Password: ",
            description = "The password; without a value it is asked for, not echoed.")
    char[] password;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean fromStdin;

    /** The password given, or null when neither option was used. */
    public String read(CliContext ctx) {
        if (password != null && fromStdin) {
            throw new ParameterException(mixee.commandLine(), "give either --password or --password-stdin, not both");
        }
        if (fromStdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new ParameterException(mixee.commandLine(), "--password-stdin: standard input is empty");
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return password == null ? null : new String(password);
    }

    /** The password, which this command cannot do without. */
    public String require(CliContext ctx) {
        String value = read(ctx);
        if (value == null) {
            throw new ParameterException(mixee.commandLine(), "a password is needed: --password (asks for it) or --password-stdin");
        }
        return value;
    }
}
