package io.chillin.chat.cli.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies recorded from many threads at once (HdrHistogram's wait-free {@link Recorder}), kept in
 * microseconds with three significant digits, from 1 µs to an hour.
 */
public final class LatencyRecorder {

    private static final long MAX_MICROS = 3_600_000_000L;

    private final Recorder recorder = new Recorder(1, MAX_MICROS, 3);
    private final Histogram total = new Histogram(1, MAX_MICROS, 3);

    public void recordNanos(long nanos) {
        recorder.recordValue(Math.clamp(nanos / 1_000, 1, MAX_MICROS));
    }

    /** Everything recorded so far. */
    public synchronized Latency summary() {
        total.add(recorder.getIntervalHistogram());
        if (total.getTotalCount() == 0) {
            return Latency.NONE;
        }
        return new Latency(total.getTotalCount(), ms(total.getValueAtPercentile(50)), ms(total.getValueAtPercentile(90)),
                ms(total.getValueAtPercentile(99)), ms(total.getMaxValue()), Math.round(total.getMean()) / 1000.0);
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
