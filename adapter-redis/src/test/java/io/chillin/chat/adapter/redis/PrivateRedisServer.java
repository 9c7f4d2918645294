package io.chillin.chat.adapter.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A redis-server process of the test's own on a free port, to stop and restart at will without touching
 * the shared one. Fails with a clear message when redis-server is not installed.
 */
public final class PrivateRedisServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    private PrivateRedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static PrivateRedisServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PrivateRedisServer server = new PrivateRedisServer(port, Files.createTempDirectory("private-redis"));
        server.startProcess();
        return server;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void startProcess() throws IOException, InterruptedException {
        try {
            process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("these tests start their own redis-server: install it (apt-get install redis-server)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("private redis-server did not start on port " + port);
    }

    /** Kills the server the hard way, like a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
