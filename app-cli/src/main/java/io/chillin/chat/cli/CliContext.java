package io.chillin.chat.cli;

import io.chillin.chat.server.Backends;
import io.chillin.chat.server.ServerConfig;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a command may touch of the world: the environment it reads its configuration from (the
 * server's variables), its streams, the clock, and whether it writes to a terminal. Tests build one of their
 * own; {@link #system()} is the real one.
 */
public record CliContext(Map<String, String> env, PrintWriter out, PrintWriter err, InputStream in, Clock clock,
                         boolean terminal) {

    public CliContext {
        env = Map.copyOf(env);
        Objects.requireNonNull(out);
        Objects.requireNonNull(err);
        Objects.requireNonNull(in);
        Objects.requireNonNull(clock);
    }

    public static CliContext system() {
        return new CliContext(System.getenv(), new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), System.in, Clock.systemUTC(),
                Terminal.isInteractive() && !System.getenv().containsKey("NO_COLOR"));
    }

    /** The server's configuration, read from this context's environment. @throws io.chillin.chat.server.ConfigException */
    public ServerConfig serverConfig() {
        return ServerConfig.fromEnvironment(env);
    }

    /** Opens the stores (and whatever else) the server would use with this environment; close it after use. */
    public Backends openBackends() {
        return Backends.open(serverConfig(), clock);
    }

    /** Opens what administration needs with this environment (the stores; no presence, no subscription); close it. */
    public Backends openAdminBackends() {
        return Backends.openForAdmin(serverConfig(), clock);
    }
}
