package io.chillin.chat.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The deploy/local-cluster.sh topology, driven from a test: instances on loopback behind nginx. */
final class LocalCluster implements AutoCloseable {

    private final Path script;
    private final Path runDir;
    private final Map<String, String> env;
    private final int nginxPort;
    private final int firstPort;
    private final int instances;

    private LocalCluster(Path script, Path runDir, Map<String, String> env, int nginxPort, int firstPort, int instances) {
        this.script = script;
        this.runDir = runDir;
        this.env = env;
        this.nginxPort = nginxPort;
        this.firstPort = firstPort;
        this.instances = instances;
    }

    /** Starts {@code instances} servers with the given backend settings, and nginx in front. */
    static LocalCluster up(int instances, Map<String, String> backendEnv) throws IOException, InterruptedException {
        Path repo = Path.of(System.getProperty("chillin.repo", "..")).toAbsolutePath();
        Path script = repo.resolve("deploy/local-cluster.sh");
        int nginxPort = freePort();
        int firstPort = freeRange(instances);
        Map<String, String> env = new HashMap<>(backendEnv);
        env.put("CHILLIN_JAR", System.getProperty("chillin.server.jar"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        LocalCluster cluster = new LocalCluster(script, Files.createTempDirectory("cluster-run"), env, nginxPort,
                firstPort, instances);
        cluster.run("up", "-n", String.valueOf(instances), "-p", String.valueOf(nginxPort), "-b", String.valueOf(firstPort));
        return cluster;
    }

    int nginxPort() {
        return nginxPort;
    }

    /** The port of instance {@code index} (1-based). */
    int instancePort(int index) {
        return firstPort + index - 1;
    }

    int instances() {
        return instances;
    }

    /** kill -9, as a crash. */
    void kill(int index) throws IOException, InterruptedException {
        run("kill", String.valueOf(index));
    }

    void start(int index) throws IOException, InterruptedException {
        run("start", String.valueOf(index));
    }

    private void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-d", runDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("local-cluster.sh " + String.join(" ", args) + " failed:\n" + output
                    + "\n(logs in " + runDir + ")");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A start port whose next {@code count} ports look free. */
    private static int freeRange(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int start = freePort();
            boolean free = true;
            for (int p = start; p < start + count && free; p++) {
                try (ServerSocket probe = new ServerSocket(p)) {
                    free = probe.isBound();
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free && start + count < 65535) {
                return start;
            }
        }
        throw new IllegalStateException("no free port range");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("down");
    }
}
