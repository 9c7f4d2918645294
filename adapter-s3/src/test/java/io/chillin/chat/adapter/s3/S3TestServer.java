package io.chillin.chat.adapter.s3;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An S3 API server for the tests: the one at env CHAT_TEST_S3_ENDPOINT (with its bucket in
 * CHAT_TEST_S3_BUCKET), else an S3Mock JVM this fixture starts on free ports and stops afterwards.
 */
final class S3TestServer implements BeforeAllCallback, AfterAllCallback {

    static final String BUCKET = System.getenv().getOrDefault("CHAT_TEST_S3_BUCKET", "chat-test");

    private Process process;
    private String endpoint = System.getenv("CHAT_TEST_S3_ENDPOINT");

    S3Config config() {
        return new S3Config(endpoint, "us-east-1", BUCKET,
                System.getenv().getOrDefault("CHAT_TEST_S3_ACCESS_KEY_ID", "test"),
                System.getenv().getOrDefault("CHAT_TEST_S3_SECRET_ACCESS_KEY", "test"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (endpoint != null) {
            return;
        }
        String jar = System.getProperty("s3.test.server.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("the S3 test server jar is missing (" + jar + "): run the tests through Maven,"
                    + " which copies it, or set CHAT_TEST_S3_ENDPOINT to an S3 API server");
        }
        int httpPort = freePort();
        Path store = Files.createTempDirectory("s3-test-store");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", jar,
                "--com.adobe.testing.s3mock.httpPort=" + httpPort,
                "--server.port=" + freePort(),
                "--com.adobe.testing.s3mock.store.root=" + store,
                "--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET)
                .redirectErrorStream(true)
                .redirectOutput(store.resolveSibling(store.getFileName() + ".log").toFile())
                .start();
        endpoint = "http://127.0.0.1:" + httpPort;
        awaitReady(httpPort);
    }

    private void awaitReady(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the S3 test server exited with " + process.exitValue());
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                if (bucketAnswers()) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the S3 test server did not start within 60 s");
    }

    private boolean bucketAnswers() {
        try (S3BlobStore store = new S3BlobStore(config())) {
            store.ping();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
