package io.chillin.chat.cli.legacy;

import io.chillin.chat.cli.Printer;
import io.chillin.chat.cli.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The import report for people: a table per file, skips grouped by reason with a few examples each, then notes. */
public final class ImportReportPrinter {

    private static final int EXAMPLES = 5;

    private final Printer printer;

    public ImportReportPrinter(Printer printer) {
        this.printer = printer;
    }

    public void print(ImportReport report) {
        printer.line(printer.bold("Legacy import from " + report.dataDir())
                + (report.dryRun() ? " (dry run: nothing was changed)" : ""));
        printer.line("");
        Table table = new Table("FILE", "READ", report.dryRun() ? "TO IMPORT" : "IMPORTED", "ALREADY PRESENT", "SKIPPED");
        for (FileTally.FileReport file : report.files()) {
            if (file.found()) {
                table.row(file.file(), file.read(), file.imported(), file.alreadyPresent(), file.skipped());
            } else {
                table.row(file.file(), "-", "-", "-", "-");
            }
        }
        printer.table(table);
        for (FileTally.FileReport file : report.files()) {
            if (file.skips().isEmpty() && file.notes().isEmpty()) {
                continue;
            }
            printer.line("");
            printer.line(printer.bold(file.file()));
            Map<String, List<Skip>> byReason = new LinkedHashMap<>();
            file.skips().forEach(s -> byReason.computeIfAbsent(s.reason(), r -> new java.util.ArrayList<>()).add(s));
            byReason.forEach((reason, skips) -> {
                printer.line("  skipped " + skips.size() + ": " + reason);
                skips.stream().limit(EXAMPLES).forEach(s -> printer.line("    " + s.entry()
                        + (s.detail().isEmpty() ? "" : ": " + s.detail())));
                if (skips.size() > EXAMPLES) {
                    printer.line("    ... and " + (skips.size() - EXAMPLES) + " more (all of them with --json)");
                }
            });
            file.notes().forEach(note -> printer.line("  note: " + note));
        }
    }
}
