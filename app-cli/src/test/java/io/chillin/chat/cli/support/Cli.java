package io.chillin.chat.cli.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chillin.chat.cli.ChillinCli;
import io.chillin.chat.cli.CliContext;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Runs the CLI in-process through picocli, as {@code chillin ARGS} would, with a given environment. */
public final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cli() {
    }

    /** A finished run: exit code and what it printed. */
    public record Run(int exitCode, String out, String err) {
        public JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    public static Run run(Map<String, String> env, String... args) {
        return runWithInput(env, "", args);
    }

    public static Run runWithInput(Map<String, String> env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(env, new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Clock.systemUTC(), false);
        int code = ChillinCli.run(ctx, args);
        return new Run(code, out.toString(), err.toString());
    }
}
