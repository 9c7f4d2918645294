package io.chillin.chat.server.fuzz;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/** What the server answered, counted by kind, and every answer that broke the contract (the first few of each in full). */
final class Tally {

    private static final int EXAMPLES = Integer.getInteger("fuzz.examples", 3);

    /**
     * An answer that broke the contract.
     *
     * @param problem what was wrong, in words that group alike findings
     * @param input   the frame or request, with its number, so that the seed makes it again
     * @param answer  what the server sent back
     */
    record Finding(String problem, String input, String answer) {
        @Override
        public String toString() {
            return problem + "\n    input:  " + input + "\n    answer: " + answer;
        }
    }

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> problems = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentLinkedQueue<Finding>> examples = new ConcurrentHashMap<>();

    void count(String what) {
        counts.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    void count(String what, long n) {
        counts.computeIfAbsent(what, k -> new LongAdder()).add(n);
    }

    void finding(String problem, String input, String answer) {
        LongAdder count = problems.computeIfAbsent(problem, k -> new LongAdder());
        count.increment();
        if (count.sum() <= EXAMPLES) {
            examples.computeIfAbsent(problem, k -> new ConcurrentLinkedQueue<>())
                    .add(new Finding(problem, shortened(input), shortened(answer)));
        }
    }

    /** Counts whose name starts with the prefix, sorted by name. */
    Map<String, Long> counts(String prefix) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v.sum());
            }
        });
        return out;
    }

    long findingCount() {
        return problems.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> problems() {
        Map<String, Long> out = new TreeMap<>();
        problems.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** The findings grouped by problem, with a count and the first few of each; empty when there are none. */
    String report() {
        StringBuilder out = new StringBuilder();
        problems().forEach((problem, count) -> {
            out.append('\n').append(count).append(" x ").append(problem);
            for (Finding f : examples.getOrDefault(problem, new ConcurrentLinkedQueue<>())) {
                out.append("\n    input:  ").append(f.input()).append("\n    answer: ").append(f.answer());
            }
        });
        return out.toString();
    }

    private static String shortened(String s) {
        if (s == null) {
            return "";
        }
        String shown = s.length() > 700 ? s.substring(0, 700) + "... (" + s.length() + " chars)" : s;
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7F || c >= 0x80 && c < 0xA0 || Character.isSurrogate((char) c) && c <= 0xFFFF) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
