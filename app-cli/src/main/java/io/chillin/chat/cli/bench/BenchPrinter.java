package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.Printer;
import io.chillin.chat.cli.Table;
import java.util.Map;

/** Bench results for people: what ran, the counts, throughput, and a latency table. */
public final class BenchPrinter {

    private final Printer printer;

    public BenchPrinter(Printer printer) {
        this.printer = printer;
    }

    public void print(ConnectBench.Result r) {
        ConnectBench.Joins join = r.join();
        boolean joining = join.rooms() > 0;
        printer.line(printer.bold("bench connect: " + r.connections() + " connections to " + String.join(", ", r.urls())
                + (joining ? ", each joining one of " + join.rooms() + " room(s)" : "")));
        Table counts = new Table("WHAT", "COUNT");
        counts.row("opened", r.opened()).row("failed", r.failed().values().stream().mapToLong(Long::longValue).sum())
                .row("not tried (time up)", r.notTried());
        if (joining) {
            counts.row("joined (acknowledged)", join.joined());
        }
        counts.row("alive (answered a ping)", r.alive());
        printer.table(counts);
        failures("failures", r.failed());
        failures("joins refused", join.refusedByCode());
        printer.line("opened " + r.opened() + " in " + r.openSeconds() + " s: " + r.connectionsPerSecond() + " connections/s");
        if (joining) {
            printer.line("opened and joined " + join.joined() + " in " + join.seconds() + " s: " + join.joinedPerSecond()
                    + " connections/s");
        }
        Table latency = latencyTable();
        latencyRow(latency, "connect (handshake)", r.connect());
        if (joining) {
            latencyRow(latency, "join -> ack", join.latency());
        }
        latencyRow(latency, "ping round trip", r.ping());
        printer.table(latency);
        String per = r.memory().perJoinedConnection() ? " KiB per joined connection" : " KiB per connection";
        r.memory().rssHeld().forEach((name, held) -> printer.line("memory of " + name + ": RSS "
                + mib(r.memory().rssBefore().getOrDefault(name, 0L)) + " before, " + mib(held) + " held; "
                + ConnectBench.round(r.memory().bytesPerConnection().get(name) / 1024.0) + per));
        verdict(r.ok(), joining ? "every connection opened, joined its room and answered a ping."
                : "every connection opened and answered a ping.");
    }

    public void print(FanoutBench.Result r) {
        printer.line(printer.bold("bench " + r.scenario() + ": " + r.rooms() + " room(s) x " + r.members() + " members, "
                + r.sendersPerRoom() + " sender(s)/room, " + r.ratePerRoom() + " msg/s/room for " + r.sendSeconds() + " s on "
                + r.urls().size() + " instance(s): " + String.join(", ", r.urls())));
        FanoutBench.Counts c = r.counts();
        Table counts = new Table("WHAT", "COUNT");
        counts.row("connected", r.connected()).row("join failures", r.joinFailures())
                .row("sent", c.sent()).row("acknowledged", c.acknowledged()).row("rejected", c.rejected())
                .row("unacknowledged", c.unacknowledged()).row("expected deliveries", c.expected())
                .row("delivered", c.delivered()).row("lost", c.lost()).row("duplicated", c.duplicated())
                .row("out of order", c.outOfOrder());
        printer.table(counts);
        failures("connect failures", r.connectFailures());
        failures("rejected", r.rejectedByCode());
        printer.line("throughput: " + r.acknowledgedPerSecond() + " msg/s acknowledged, " + r.deliveriesPerSecond()
                + " deliveries/s");
        Table latency = latencyTable();
        latencyRow(latency, "connect (handshake)", r.connect());
        latencyRow(latency, "send -> confirmed", r.ack());
        latencyRow(latency, "send -> refused", r.refusal());
        if (r.refusalByCode().size() > 1) {
            r.refusalByCode().forEach((code, l) -> latencyRow(latency, "  " + code, l));
        }
        latencyRow(latency, "send -> delivered", r.delivery());
        if (r.urls().size() > 1) {
            latencyRow(latency, "  same instance", r.sameInstanceDelivery());
            latencyRow(latency, "  cross instance", r.crossInstanceDelivery());
        }
        printer.table(latency);
        if (!r.cpu().seconds().isEmpty()) {
            printer.line("cpu (s): " + r.cpu().seconds() + ", load generator " + r.cpu().loadGeneratorSeconds()
                    + "; " + r.cpu().microsPerDelivery() + " us per delivery (watched processes)");
        }
        verdict(r.ok(), "everything connected, and every message was delivered exactly once, in order.");
    }

    private static String mib(long bytes) {
        return ConnectBench.round(bytes / 1048576.0) + " MiB";
    }

    private void failures(String what, Map<String, Long> byReason) {
        if (!byReason.isEmpty()) {
            printer.line(what + ": " + byReason);
        }
    }

    private static Table latencyTable() {
        return new Table("LATENCY (ms)", "COUNT", "P50", "P90", "P99", "MAX");
    }

    private static void latencyRow(Table table, String what, Latency l) {
        table.row(what, l.count(), l.p50(), l.p90(), l.p99(), l.max());
    }

    private void verdict(boolean ok, String what) {
        printer.line(ok ? printer.green("OK: " + what) : printer.red("NOT OK: see the counts above."));
    }
}
