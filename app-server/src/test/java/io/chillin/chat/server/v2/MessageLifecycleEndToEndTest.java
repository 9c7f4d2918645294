package io.chillin.chat.server.v2;

import io.chillin.chat.server.support.ServerPerClass;
import io.chillin.chat.server.support.TestServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The v2 rules on the embedded default: one server plays every instance. */
class MessageLifecycleEndToEndTest extends MessageLifecycleScenarios {

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass("CHAT_MESSAGES_PER_10S", "1000");

    @Override
    TestServer instance(int i) {
        return SERVER.server();
    }
}
