package io.chillin.chat.server.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One real embedded server for all the tests of a class: {@code @RegisterExtension static final ServerPerClass SERVER = new ServerPerClass();} */
public final class ServerPerClass implements BeforeAllCallback, AfterAllCallback {

    private final String[] overrides;
    private TestServer server;

    /** A server with {@code overrides} (name, value, ...) on top of the test defaults. */
    public ServerPerClass(String... overrides) {
        this.overrides = overrides.clone();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = TestServer.start(overrides);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    public int port() {
        return server.port();
    }

    public Http http() {
        return server.http();
    }

    public TestServer server() {
        return server;
    }
}
