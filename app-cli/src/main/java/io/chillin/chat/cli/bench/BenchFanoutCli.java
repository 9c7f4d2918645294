package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.CliContext;
import io.chillin.chat.cli.OutputOptions;
import io.chillin.chat.cli.Printer;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chillin bench fanout}: rooms of members sending to each other, measuring delivery to every member. */
@Command(name = "fanout", description = {
        "R rooms x M members (guests, one connection each); senders send at --rate per room for --duration.",
        "Reports sent/acknowledged/delivered/lost/duplicated/out-of-order, throughput and latency percentiles.",
        "Defaults: 10 rooms x 20 members.",
        "Example: chillin bench fanout --url http://127.0.0.1:5000 --rooms 10 --members 20 --rate 5 --duration 20s"})
public final class BenchFanoutCli implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    BenchTargets targets;

    @Mixin
    TrafficOptions traffic;

    @Mixin
    OutputOptions output;

    public BenchFanoutCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        return run(ctx, traffic, traffic.settings("fanout", targets, 10, 20, ctx.err()), output);
    }

    static int run(CliContext ctx, TrafficOptions traffic, FanoutBench.Settings settings, OutputOptions output)
            throws InterruptedException {
        Optional<FanoutBench.Settings> warmup = traffic.warmup(settings);
        if (warmup.isPresent()) {
            FanoutBench.Result warm = new FanoutBench(warmup.get()).run();
            ctx.err().println("warm-up: " + warm.counts().acknowledged() + " message(s) acknowledged in "
                    + warmup.get().duration().toSeconds() + " s; its figures are not counted");
            ctx.err().flush();
        }
        FanoutBench.Result result = new FanoutBench(settings).run();
        Printer printer = Printer.of(ctx);
        if (output.json()) {
            printer.json(result);
        } else {
            new BenchPrinter(printer).print(result);
        }
        return result.ok() ? 0 : 1;
    }
}
