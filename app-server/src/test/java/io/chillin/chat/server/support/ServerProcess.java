package io.chillin.chat.server.support;

import io.chillin.chat.server.ChatServerMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server as a process of its own ({@code ChatServerMain} on this test's classpath), on a free loopback port
 * with its own embedded data directory, for what only a process shows: everything it writes, as its logging is
 * configured from the environment. Its standard output and error go to one file, read by {@link #lines()}.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on http://[^\\s:/]+:(\\d+)");
    private static final long START_SECONDS = 60;

    private final Process process;
    private final Path output;
    private final int port;

    private ServerProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts with the test-friendly limits of {@link TestServer} and these settings on top; a clean environment. */
    public static ServerProcess start(Map<String, String> settings) {
        try {
            Path dir = Files.createTempDirectory("chat-process");
            Map<String, String> env = new HashMap<>();
            for (String kept : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
                String value = System.getenv(kept);
                if (value != null) {
                    env.put(kept, value);
                }
            }
            env.put("HOST", "127.0.0.1");
            env.put("PORT", "0");
            env.put("CHAT_AUTH_ATTEMPTS_PER_MINUTE", "100000");
            env.put("CHAT_RATE_LIMIT_EXEMPT", "127.0.0.0/8,::1");
            env.put("CHAT_DATA_DIR", dir.resolve("data").toString());
            env.putAll(settings);
            // surefire runs the tests from a manifest-only jar; the real class path is here
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath, ChatServerMain.class.getName());
            builder.environment().clear();
            builder.environment().putAll(env);
            Path output = dir.resolve("output.log");
            builder.redirectErrorStream(true).redirectOutput(output.toFile());
            Process process = builder.start();
            return new ServerProcess(process, output, awaitPort(process, output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int awaitPort(Process process, Path output) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(read(output));
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server ended with " + process.exitValue() + ":\n" + read(output));
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not listen within " + START_SECONDS + " s:\n" + read(output));
    }

    public int port() {
        return port;
    }

    public Http http() {
        return new Http(port);
    }

    /** Every line it has written so far, standard output and error together. */
    public List<String> lines() {
        return read(output).lines().toList();
    }

    /** Waits until a line it wrote matches, and returns it (what it logs after a client's act comes a little later). */
    public String awaitLine(Predicate<String> wanted, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            seen = lines();
            for (String line : seen) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            sleep(50);
        }
        throw new AssertionError("no line " + what + " within 10 s; it wrote:\n" + String.join("\n", seen));
    }

    /** Stops it as SIGTERM does, gracefully, and waits until it has ended: then every line it wrote is there. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String read(Path output) {
        try {
            // not readString: a character being written at this moment would make it throw
            return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
