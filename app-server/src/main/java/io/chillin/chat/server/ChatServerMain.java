package io.chillin.chat.server;

import io.chillin.chat.domain.ChatException;
import io.chillin.chat.server.logging.JavaLogging;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar chillin-server.jar}: configuration from the environment, graceful stop on SIGTERM or Ctrl-C. */
public final class ChatServerMain {

    private ChatServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        JavaLogging.intoSlf4j();
        ChatServer server;
        try {
            server = ChatServer.start(ServerConfig.fromEnvironment(System.getenv()));
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (ChatException.Unavailable e) {
            System.err.println("Cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
