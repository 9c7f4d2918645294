package io.chillin.chat.cli.bench;

import io.chillin.chat.cli.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CPU time and resident memory of processes named on the command line (the server, PostgreSQL,
 * Redis), read from Linux's {@code /proc}. A process is counted with all its descendants, so
 * PostgreSQL's postmaster stands for its backends too. CPU of children that already ended is in
 * the parent's {@code cutime}/{@code cstime}, so connections that come and go are not lost.
 */
public final class ProcessMeter {

    /** One process to watch, by the name to print and its pid. */
    public record Watched(String name, long pid) {

        /** Parses {@code NAME=PID}. */
        public static Watched parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq < 1 || eq == spec.length() - 1) {
                throw new UsageException("--watch takes NAME=PID, e.g. server=1234; got '" + spec + "'");
            }
            String name = spec.substring(0, eq);
            long pid;
            try {
                pid = Long.parseLong(spec.substring(eq + 1));
            } catch (NumberFormatException e) {
                throw new UsageException("--watch " + name + ": '" + spec.substring(eq + 1) + "' is not a pid");
            }
            if (ProcessHandle.of(pid).isEmpty()) {
                throw new UsageException("--watch " + name + ": no process " + pid + " is running");
            }
            return new Watched(name, pid);
        }
    }

    /** CPU seconds used so far by each watched process (with descendants), and by this load generator itself. */
    public record Sample(long atNanos, Map<String, Double> cpuSeconds, double selfCpuSeconds) {

        /** CPU used between two samples, per process. */
        public Map<String, Double> since(Sample before) {
            Map<String, Double> used = new LinkedHashMap<>();
            cpuSeconds.forEach((name, now) -> used.put(name, ConnectBench.round(now - before.cpuSeconds.getOrDefault(name, 0.0))));
            return used;
        }
    }

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux that matters
    private static final long PAGE_BYTES = 4096;

    private final List<Watched> watched;

    public ProcessMeter(List<Watched> watched) {
        this.watched = List.copyOf(watched);
    }

    public boolean isEmpty() {
        return watched.isEmpty();
    }

    public Sample sample() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (Watched w : watched) {
            cpu.put(w.name(), cpuSeconds(w.pid()));
        }
        double self = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
        return new Sample(System.nanoTime(), cpu, self);
    }

    /**
     * Resident memory in bytes of each watched process, descendants included. Pages shared between processes
     * (PostgreSQL's shared buffers) count once per process: meaningful for a single process such as the server.
     */
    public Map<String, Long> rssBytes() {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (Watched w : watched) {
            long total = 0;
            for (long pid : withDescendants(w.pid())) {
                total += statm(pid).map(pages -> pages * PAGE_BYTES).orElse(0L);
            }
            rss.put(w.name(), total);
        }
        return rss;
    }

    private static double cpuSeconds(long root) {
        long ticks = 0;
        for (long pid : withDescendants(root)) {
            Optional<String[]> stat = stat(pid);
            if (stat.isEmpty()) {
                continue;
            }
            String[] f = stat.get();
            // fields after the command: utime(14) stime(15) cutime(16) cstime(17), here 0-based from field 3
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (pid == root) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static List<Long> withDescendants(long root) {
        List<Long> pids = new ArrayList<>();
        pids.add(root);
        ProcessHandle.of(root).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        return pids;
    }

    /** The fields of /proc/PID/stat after the command name, which may itself hold spaces and parentheses. */
    private static Optional<String[]> stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return Optional.of(text.substring(text.lastIndexOf(')') + 2).trim().split(" "));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    private static Optional<Long> statm(long pid) {
        try {
            String[] f = Files.readString(Path.of("/proc", Long.toString(pid), "statm")).trim().split(" ");
            return Optional.of(Long.parseLong(f[1]));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }
}
