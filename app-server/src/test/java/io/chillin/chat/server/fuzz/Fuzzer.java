package io.chillin.chat.server.fuzz;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A whole fuzz run against one server: a pool of fuzz sockets and a few REST workers side by side, each input
 * checked as its answer comes, until every input is answered.
 *
 * @param seed     makes every input again
 * @param frames   WebSocket frames to send, spread over the sockets by number
 * @param requests REST requests to send
 */
record Fuzzer(long seed, long frames, long requests) {

    private static final int REST_WORKERS = 4;

    /** What came back: the tally of answers and findings, what may have been stored, and how long it took. */
    record Result(Fuzzer run, Tally tally, Ledger ledger, Duration took) {

        /** One line: the counts by answer, the findings, the time. */
        String summary() {
            return "fuzz seed=" + run.seed + ": " + run.frames + " frames " + joined(tally.counts("ws ")) + ", "
                    + run.requests + " requests " + joined(tally.counts("rest ")) + "; stored by accepted inputs: "
                    + ledger.rooms.size() + " rooms, " + ledger.users.size() + " users, " + ledger.messages.size()
                    + " messages, " + ledger.sessionsOpened.sum() + " sessions (" + ledger.sessionsEnded.sum()
                    + " ended); " + tally.findingCount() + " findings " + tally.problems() + "; "
                    + String.format("%.1f s", took.toMillis() / 1000.0);
        }

        /** The answers by what the input was made from: one line per kind of frame and endpoint. */
        String breakdown() {
            StringBuilder out = new StringBuilder();
            group(out, tally.counts("by frame "));
            group(out, tally.counts("by endpoint "));
            return out.toString();
        }

        private static void group(StringBuilder out, Map<String, Long> counts) {
            Map<String, Map<String, Long>> byKind = new TreeMap<>();
            counts.forEach((k, v) -> {
                int colon = k.lastIndexOf(": ");
                byKind.computeIfAbsent(k.substring(0, colon), x -> new TreeMap<>()).put(k.substring(colon + 2), v);
            });
            byKind.forEach((kind, answers) -> out.append(kind).append(' ').append(joined(answers)).append('\n'));
        }

        private static String joined(Map<String, Long> counts) {
            return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}"));
        }
    }

    /**
     * Runs against the server on {@code port}: one fuzz socket per entry of {@code socketTokens} (null: no token),
     * whose {@code auth} frames may carry {@code authToken}, and REST requests whose token headers use
     * {@code restTokens} and what the run itself is handed.
     */
    Result run(int port, Vocabulary words, List<String> socketTokens, String authToken, List<String> restTokens) {
        Tally tally = new Tally();
        Ledger ledger = new Ledger();
        FrameGenerator frameGenerator = new FrameGenerator(seed, words);
        FrameCheck check = new FrameCheck(tally, ledger);
        RestFuzzer rest = new RestFuzzer(port, new RequestGenerator(seed, words), tally, ledger, restTokens);
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        int sockets = socketTokens.size();
        for (int s = 0; s < sockets; s++) {
            int first = s;
            String token = socketTokens.get(s);
            threads.add(Thread.ofVirtual().name("fuzz-ws-" + s).start(() -> {
                try (FuzzSocket socket = new FuzzSocket(http, port, token, authToken, check, tally)) {
                    for (long i = first; i < frames; i += sockets) {
                        socket.send(frameGenerator.frame(i));
                    }
                } catch (RuntimeException e) {
                    tally.finding("ws: a fuzz socket could not go on", "socket " + first, e.toString());
                }
            }));
        }
        threads.add(Thread.ofVirtual().name("fuzz-rest").start(() -> rest.run(requests, REST_WORKERS)));
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new Result(this, tally, ledger, Duration.ofNanos(System.nanoTime() - started));
    }
}
