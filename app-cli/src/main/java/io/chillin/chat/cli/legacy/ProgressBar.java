package io.chillin.chat.cli.legacy;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place ({@code \r}), at most ten times a second, for work on large files.
 * Disabled it prints nothing, so pipes and log files stay clean.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final String label;
    private final long total;
    private final boolean enabled;
    private long lastDraw;
    private boolean drawn;

    public ProgressBar(PrintWriter out, String label, long total, boolean enabled) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.enabled = enabled;
    }

    /** A bar that never draws. */
    public static ProgressBar none() {
        return new ProgressBar(new PrintWriter(PrintWriter.nullWriter()), "", 1, false);
    }

    public void update(long done) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        drawn = true;
        out.print("\r" + line(done));
        out.flush();
    }

    /** Draws the full bar and ends its line. */
    public void finish() {
        if (enabled && drawn) {
            out.println("\r" + line(total));
            out.flush();
        }
    }

    String line(long done) {
        long clamped = Math.min(Math.max(done, 0), total);
        int filled = (int) (clamped * WIDTH / total);
        int percent = (int) (clamped * 100 / total);
        return label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent);
    }
}
