package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.CliContext;
import io.chillin.chat.cli.OutputOptions;
import io.chillin.chat.cli.UsageException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chillin bench cross}: one room's members spread over several instances, measuring cross-instance delivery. */
@Command(name = "cross", description = {
        "One room's members spread over two or more instances; measures delivery across instances.",
        "Give --url once per instance; delivery within one instance is measured too, for comparison.",
        "Defaults: 1 room x 20 members.",
        "Example: chillin bench cross --url http://127.0.0.1:5001 --url http://127.0.0.1:5002 --rate 5 --duration 20s"})
public final class BenchCrossCli implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    BenchTargets targets;

    @Mixin
    TrafficOptions traffic;

    @Mixin
    OutputOptions output;

    public BenchCrossCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (targets.urls().size() < 2) {
            throw new UsageException("bench cross needs at least two instances: give --url once for each");
        }
        return BenchFanoutCli.run(ctx, traffic, traffic.settings("cross", targets, 1, 20, ctx.err()), output);
    }
}
