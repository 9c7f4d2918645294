package io.chillin.chat.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary folder, on a free port), to stop and
 * start at will without touching the shared server. Run as the {@code postgres} user when the tests
 * run as root, since PostgreSQL refuses to run as root. Binaries come from CHAT_TEST_PG_BIN, else the
 * PATH, else the newest Debian install.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;

    private PrivatePostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    static PrivatePostgres create() throws IOException, InterruptedException {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("private-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PrivatePostgres pg = new PrivatePostgres(bin, dir, port);
        if (isRoot()) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        pg.asOwner(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-sync"));
        pg.start();
        pg.asOwner(List.of(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U",
                "postgres", "chillin"));
        return pg;
    }

    private static Path binaries() {
        String configured = System.getenv("CHAT_TEST_PG_BIN");
        if (configured != null) {
            return Path.of(configured);
        }
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> installs = Files.list(Path.of("/usr/lib/postgresql"))) {
            installs.map(p -> p.resolve("bin")).sorted(java.util.Comparator.reverseOrder()).forEach(candidates::add);
        } catch (IOException noDebianInstall) {
            // look on the PATH only
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(dir));
        }
        return candidates.stream()
                .filter(dir -> Stream.of("initdb", "pg_ctl", "createdb").allMatch(b -> Files.isExecutable(dir.resolve(b))))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "initdb, pg_ctl and createdb not found together: install PostgreSQL's server binaries or set CHAT_TEST_PG_BIN"));
    }

    int port() {
        return port;
    }

    void start() throws IOException, InterruptedException {
        asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                dir.resolve("postgres.log").toString(), "-w", "-t", "30", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"));
    }

    /** A fast shutdown: sessions are cut, as when a database server goes away. */
    void stop() throws IOException, InterruptedException {
        asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                "stop"));
    }

    private void asOwner(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("failed: " + String.join(" ", command) + "\n" + output);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (IllegalStateException alreadyStopped) {
            // fine: a test may have left it stopped
        }
        run(List.of("rm", "-rf", dir.toString()));
    }
}
