package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.DurationConverter;
import io.chillin.chat.cli.UsageException;
import io.chillin.chat.cli.net.ServerUrl;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The servers a bench talks to (only these), and how patiently. */
public final class BenchTargets {

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "A server instance, e.g. http://127.0.0.1:5000; repeat for several instances.")
    List<String> urls;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Longest wait for one handshake or answer (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "50",
            description = "Handshakes in flight at once, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--watch", paramLabel = "NAME=PID",
            description = {"A process to measure while the load runs (CPU time, and resident memory for connect), with its"
                    + " child processes; repeat for each, e.g. --watch server=1234 --watch postgres=567 --watch redis=89."
                    + " The CPU per delivery is the sum over all of them. Linux only."})
    List<String> watch;

    @Option(names = "--source-addresses", paramLabel = "ADDRESSES|N",
            description = {"Local addresses to open the connections from, in turn: a list such as 127.0.0.1,127.0.0.2, or"
                    + " a count N for 127.0.0.1 to 127.0.0.N. One address has about 28,000 ports for one server, so more"
                    + " connections than that need several. ws:// URLs only (default: the system's choice)."})
    String sourceAddresses;

    List<ServerUrl> urls() {
        try {
            return urls.stream().map(ServerUrl::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url: " + e.getMessage());
        }
    }

    List<InetAddress> sourceAddresses() {
        List<InetAddress> sources = SourceAddresses.parse(sourceAddresses);
        if (!sources.isEmpty() && urls().stream().anyMatch(u -> u.ws().getScheme().equals("wss"))) {
            throw new UsageException("--source-addresses works with ws:// (http://) URLs only");
        }
        return sources;
    }

    ProcessMeter meter() {
        return new ProcessMeter(watch == null ? List.of() : watch.stream().map(ProcessMeter.Watched::parse).toList());
    }

    Duration timeout() {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new UsageException("--timeout must be more than 0 and at most 5m");
        }
        return timeout;
    }

    int concurrency() {
        if (concurrency < 1 || concurrency > 1000) {
            throw new UsageException("--concurrency must be 1 to 1000");
        }
        return concurrency;
    }
}
