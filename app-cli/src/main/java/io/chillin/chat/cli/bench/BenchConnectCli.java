package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.CliContext;
import io.chillin.chat.cli.DurationConverter;
import io.chillin.chat.cli.OutputOptions;
import io.chillin.chat.cli.Printer;
import io.chillin.chat.cli.UsageException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chillin bench connect}: how fast the servers take N WebSocket connections, and whether they all stay alive. */
@Command(name = "connect", description = {"Open N WebSocket connections (spread over the URLs), hold them, ping each, close.",
        "With --join R each also joins one of R rooms as a guest, and counts once its join is acknowledged.",
        "Example: chillin bench connect --url http://127.0.0.1:5000 --connections 1000 --join 10"})
public final class BenchConnectCli implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    BenchTargets targets;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "100",
            description = "How many connections, 1 to 20000 (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--join", paramLabel = "ROOMS", defaultValue = "0",
            description = {"Once open, each connection joins one of this many fresh rooms as a guest (round-robin) and"
                    + " waits for the ack, at most --timeout; 0 connects only, at most --connections (default: ${DEFAULT-VALUE})."})
    int join;

    @Option(names = "--hold", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = "Keep them open this long before the ping (default: ${DEFAULT-VALUE}).")
    Duration hold;

    @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "Stop whatever is left after this long (default: ${DEFAULT-VALUE}).")
    Duration maxTime;

    @Mixin
    OutputOptions output;

    public BenchConnectCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (connections < 1 || connections > FanoutBench.MAX_MEMBERS) {
            throw new UsageException("--connections must be 1 to " + FanoutBench.MAX_MEMBERS);
        }
        if (join < 0 || join > connections) {
            throw new UsageException("--join must be 0 to --connections (" + connections + ")");
        }
        if (hold.compareTo(Duration.ofHours(1)) > 0 || maxTime.compareTo(Duration.ofHours(2)) > 0) {
            throw new UsageException("--hold is at most 1h and --max-time at most 2h");
        }
        ConnectBench.Result result = new ConnectBench(new ConnectBench.Settings(targets.urls(), connections, join,
                targets.concurrency(), targets.timeout(), hold, maxTime, targets.sourceAddresses(), targets.meter())).run();
        Printer printer = Printer.of(ctx);
        if (output.json()) {
            printer.json(result);
        } else {
            new BenchPrinter(printer).print(result);
        }
        return result.ok() ? 0 : 1;
    }
}
