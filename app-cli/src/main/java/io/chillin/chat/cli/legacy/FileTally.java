package io.chillin.chat.cli.legacy;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened to one file's records: read, to import (or imported), already present (from an earlier run or
 * created on the new server), and skipped with the reason for each; plus notes on what was changed to fit.
 */
public final class FileTally {

    private final String file;
    private boolean found;
    private int read;
    private int toImport;
    private int alreadyPresent;
    private final List<Skip> skips = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public FileTally(String file) {
        this.file = file;
    }

    void found() {
        found = true;
    }

    void read() {
        read++;
    }

    void willImport() {
        toImport++;
    }

    void alreadyPresent() {
        alreadyPresent++;
    }

    void skipped(String entry, String reason, String detail) {
        skips.add(new Skip(entry, reason, detail));
    }

    void note(String note) {
        notes.add(note);
    }

    /** After writing: what the store actually created (fewer than planned when something appeared meanwhile). */
    void settle(int created) {
        alreadyPresent += toImport - created;
        toImport = created;
    }

    public FileReport report() {
        return new FileReport(file, found, read, toImport, alreadyPresent, skips.size(), List.copyOf(skips), List.copyOf(notes));
    }

    /** The tally as reported. */
    public record FileReport(String file, boolean found, int read, int imported, int alreadyPresent, int skipped,
                             List<Skip> skips, List<String> notes) {
    }
}
