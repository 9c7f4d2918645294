package io.chillin.chat.cli.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long refused requests waited for their {@code error} reply, all together and by error code: an overloaded
 * server should refuse at once, and a refusal that comes late costs the client as much as a slow confirmation.
 */
final class RefusalLatency {

    private final LatencyRecorder all = new LatencyRecorder();
    private final Map<String, LatencyRecorder> byCode = new ConcurrentHashMap<>();

    void record(String code, long nanos) {
        all.recordNanos(nanos);
        byCode.computeIfAbsent(code, c -> new LatencyRecorder()).recordNanos(nanos);
    }

    Latency all() {
        return all.summary();
    }

    /** By code, in the codes' order. */
    Map<String, Latency> byCode() {
        Map<String, Latency> summaries = new TreeMap<>();
        byCode.forEach((code, recorder) -> summaries.put(code, recorder.summary()));
        return summaries;
    }
}
