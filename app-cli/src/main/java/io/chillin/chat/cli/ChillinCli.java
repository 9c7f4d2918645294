package io.chillin.chat.cli;

import io.chillin.chat.cli.bench.BenchConnectCli;
import io.chillin.chat.cli.bench.BenchCrossCli;
import io.chillin.chat.cli.bench.BenchFanoutCli;
import io.chillin.chat.server.logging.JavaLogging;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ScopeType;

/**
 * {@code chillin}: the admin and test CLI. Configured like the server, by its environment variables, so it
 * works on the server's own stores (the embedded database under {@code ./data} by default, PostgreSQL, Redis
 * and S3 when those are set). Commands are wired here by hand.
 */
@Command(name = "chillin", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = ChillinCli.Version.class, usageHelpAutoWidth = true,
        description = {"Admin and test tool for the Chillin Chatroom server.",
                "Reads the server's configuration from the same environment variables (CHAT_DATA_DIR, DB_HOST, ...)."},
        footer = {"", "Exit codes: 0 ok, 1 failure, 2 usage or configuration error."})
public final class ChillinCli {

    /** Hand wiring: every command gets the context it works in. */
    public static CommandLine commandLine(CliContext ctx) {
        Printer printer = Printer.of(ctx);
        CommandLine cli = new CommandLine(new ChillinCli());
        cli.addSubcommand("rooms", new RoomsCli(ctx));
        cli.addSubcommand("users", new UsersCli(ctx));
        cli.addSubcommand("import", new CommandLine(new ImportCli())
                .addSubcommand("legacy", new ImportLegacyCli(ctx)));
        cli.addSubcommand("smoke", new SmokeCli(ctx));
        cli.addSubcommand("bench", new CommandLine(new BenchCli())
                .addSubcommand("connect", new BenchConnectCli(ctx))
                .addSubcommand("fanout", new BenchFanoutCli(ctx))
                .addSubcommand("cross", new BenchCrossCli(ctx)));
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
        completion.getCommandSpec().usageMessage().hidden(true);
        cli.addSubcommand("generate-completion", completion);
        cli.setOut(ctx.out());
        cli.setErr(ctx.err());
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(ctx.terminal() ? Ansi.ON : Ansi.OFF));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler(new CliErrors(new Printer(ctx.err(), ctx.terminal())));
        return cli;
    }

    /** Runs one command line and returns its exit code. */
    public static int run(CliContext ctx, String... args) {
        int code = commandLine(ctx).execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    public static void main(String[] args) {
        quietLibraries();
        JavaLogging.intoSlf4j();
        System.exit(run(CliContext.system(), args));
    }

    /**
     * The server's code and libraries log at INFO; a command line tool shows only their warnings. Set before the
     * first logger exists: {@code logback.xml} reads it once.
     */
    private static void quietLibraries() {
        System.setProperty("chillin.log.level", System.getenv().getOrDefault("CHILLIN_LOG_LEVEL", "warn"));
    }

    /** {@code chillin import ...}: a group. */
    @Command(name = "import", description = "Import data from elsewhere.")
    static final class ImportCli {
    }

    /** {@code chillin bench ...}: a group. */
    @Command(name = "bench", description = {"Load tests against running servers (WebSocket, per PROTOCOL.md).",
            "Targets only the URLs given. Note the server's rate limit (CHAT_MESSAGES_PER_10S, default 10 per user):",
            "each bench member is its own guest identity, and a benchmark server is best started with it raised."})
    static final class BenchCli {
    }

    /** The version from the build, read from a filtered resource so it is right in tests and in the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties props = new Properties();
            try (InputStream in = ChillinCli.class.getResourceAsStream("/chillin-cli.properties")) {
                if (in != null) {
                    props.load(in);
                }
            }
            return new String[] {"chillin " + props.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
