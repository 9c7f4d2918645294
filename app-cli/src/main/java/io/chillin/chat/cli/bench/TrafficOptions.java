package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.DurationConverter;
import io.chillin.chat.cli.UsageException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Room sizes, rate and duration of a fanout or cross bench; each command gives its own default sizes. */
public final class TrafficOptions {

    @Option(names = "--rooms", paramLabel = "R", description = "Rooms.")
    Integer rooms;

    @Option(names = "--members", paramLabel = "M", description = "Members per room, each on its own connection, as a guest.")
    Integer members;

    @Option(names = "--senders", paramLabel = "S", description = "Members per room that send, in turn (default: all).")
    Integer senders;

    @Option(names = "--rate", paramLabel = "MSG_PER_S", defaultValue = "2",
            description = "Messages per second per room, spread over its senders (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "How long to send, at most 1h (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--drain", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "After sending, wait at most this long for deliveries still on their way (default: ${DEFAULT-VALUE}).")
    Duration drain;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
            description = {"First send the same load this long in fresh rooms and discard its figures, so that both the"
                    + " server and this load generator are compiled and warm when the measured run starts; at most 10m"
                    + " (default: ${DEFAULT-VALUE})."})
    Duration warmup;

    @Option(names = "--size", paramLabel = "CHARS", defaultValue = "32",
            description = "Message text length, 8 to 500 (default: ${DEFAULT-VALUE}).")
    int size;

    FanoutBench.Settings settings(String scenario, BenchTargets targets, int defaultRooms, int defaultMembers, PrintWriter warnings) {
        int r = rooms == null ? defaultRooms : rooms;
        int m = members == null ? defaultMembers : members;
        int s = senders == null ? m : senders;
        if (r < 1 || m < 1 || (long) r * m > FanoutBench.MAX_MEMBERS) {
            throw new UsageException("--rooms and --members must be at least 1, with rooms x members at most " + FanoutBench.MAX_MEMBERS);
        }
        if (s < 1 || s > m) {
            throw new UsageException("--senders must be 1 to --members (" + m + ")");
        }
        if (!(rate > 0) || rate > 100_000) {
            throw new UsageException("--rate must be more than 0 and at most 100000 messages per second per room");
        }
        if (duration.isZero() || duration.isNegative() || duration.compareTo(Duration.ofHours(1)) > 0
                || drain.isNegative() || drain.compareTo(Duration.ofMinutes(10)) > 0
                || warmup.isNegative() || warmup.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new UsageException("--duration must be more than 0 and at most 1h; --drain and --warmup at most 10m");
        }
        if (size < 8 || size > 500) {
            throw new UsageException("--size must be 8 to 500");
        }
        FanoutBench.Settings settings = new FanoutBench.Settings(scenario, targets.urls(), r, m, s, rate, duration, drain,
                size, targets.concurrency(), targets.timeout(), targets.sourceAddresses(), targets.meter());
        if (settings.plannedMessages() > FanoutBench.MAX_MESSAGES) {
            throw new UsageException("that is " + settings.plannedMessages() + " messages; at most " + FanoutBench.MAX_MESSAGES
                    + " per run: lower --rate, --rooms or --duration");
        }
        if (settings.ratePerSender() > 1.0) {
            warnings.println("warning: each sender sends " + settings.ratePerSender() + " msg/s; the server allows 10 per 10 s"
                    + " per user by default. Start it with CHAT_MESSAGES_PER_10S raised, or add --senders, or lower --rate.");
            warnings.flush();
        }
        return settings;
    }

    /** The warm-up run's settings: the same load for {@code --warmup}, measuring nothing; empty without one. */
    Optional<FanoutBench.Settings> warmup(FanoutBench.Settings measured) {
        if (warmup.isZero()) {
            return Optional.empty();
        }
        return Optional.of(new FanoutBench.Settings(measured.scenario(), measured.urls(), measured.rooms(),
                measured.members(), measured.senders(), measured.ratePerRoom(), warmup, measured.drain(), measured.size(),
                measured.concurrency(), measured.timeout(), measured.sourceAddresses(), new ProcessMeter(List.of())));
    }
}
