package io.chillin.chat.cli;

import io.chillin.chat.cli.net.ServerUrl;
import io.chillin.chat.cli.smoke.Purger;
import io.chillin.chat.cli.smoke.SmokeReport;
import io.chillin.chat.cli.smoke.SmokeTest;
import io.chillin.chat.application.service.AdminService;
import io.chillin.chat.server.Backends;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code chillin smoke --url URL}: is this server working? */
@Command(name = "smoke", description = {
        "Check a running server end to end; exit code 0 only if every step worked.",
        "Registers a throwaway user, creates a private room, joins it on two connections, sends, checks delivery and",
        "history, then leaves and logs out.",
        "With --purge the throwaway user and room are then deleted from the store this CLI is configured for",
        "(the server's: same environment variables); without it they stay, and the report says how to delete them.",
        "Example: chillin smoke --url http://127.0.0.1:5000"})
final class SmokeCli implements Callable<Integer> {

    private final CliContext ctx;

    @Option(names = "--url", required = true, paramLabel = "URL", description = "The server, e.g. http://127.0.0.1:5000.")
    String url;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Longest wait for any one answer (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--purge", description = "Delete the throwaway user and room from the configured store afterwards.")
    boolean purge;

    @Mixin
    OutputOptions output;

    SmokeCli(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ServerUrl server = Urls.parse(url);
        Optional<Purger> purger = purge ? Optional.of(this::purge) : Optional.empty();
        SmokeReport report = new SmokeTest(server, timeout, purger).run();
        Printer printer = Printer.of(ctx);
        if (output.json()) {
            printer.json(report);
        } else {
            printer.line(printer.bold("Smoke test of " + report.url()));
            for (SmokeReport.Step step : report.steps()) {
                String mark = switch (step.status()) {
                    case PASSED -> printer.green("ok  ");
                    case FAILED -> printer.red("FAIL");
                    case NOT_RUN -> "--  ";
                };
                printer.line(mark + " " + step.name() + (step.status() == SmokeReport.Status.NOT_RUN ? "" : " (" + step.millis() + " ms)")
                        + (step.detail().isEmpty() ? "" : ": " + step.detail()));
            }
            printer.line(report.ok() ? printer.green("Smoke test passed.") : printer.red("Smoke test FAILED."));
        }
        return report.ok() ? CliErrors.OK : CliErrors.FAILURE;
    }

    private String purge(String user, String room) {
        List<String> done = new ArrayList<>();
        try (Backends backends = ctx.openAdminBackends()) {
            AdminService admin = AdminService.create(backends.adminPorts(), backends.settings(), ctx.clock());
            if (room != null) {
                admin.deleteRoom(room);
                done.add("room " + room);
            }
            if (user != null) {
                admin.deleteUser(user);
                done.add("user " + user);
            }
        }
        return done.isEmpty() ? "nothing to delete" : "deleted " + String.join(" and ", done);
    }
}
