package io.chillin.chat.cli.legacy;

import java.util.List;

/** What an import read, imported (or would import, on a dry run), found already present, and skipped, per file. */
public record ImportReport(String dataDir, boolean dryRun, List<FileTally.FileReport> files) {

    public int imported() {
        return files.stream().mapToInt(FileTally.FileReport::imported).sum();
    }

    public FileTally.FileReport file(String name) {
        return files.stream().filter(f -> f.file().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no file " + name));
    }
}
