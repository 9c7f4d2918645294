package io.chillin.chat.cli.bench;

/** Percentiles of one latency, in milliseconds. */
public record Latency(long count, double p50, double p90, double p99, double max, double mean) {

    public static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0);
}
