package io.chillin.chat.cli.support;

import io.chillin.chat.application.ChatCore;
import io.chillin.chat.application.ChatPorts;
import io.chillin.chat.server.Backends;
import io.chillin.chat.server.ServerConfig;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/** A look at the stores an environment points at, through the server's own wiring, to check what a command did. */
public final class Store {

    private Store() {
    }

    public static <T> T ports(Map<String, String> env, Function<ChatPorts, T> look) {
        try (Backends backends = Backends.open(ServerConfig.fromEnvironment(env), Clock.systemUTC())) {
            return look.apply(backends.ports());
        }
    }

    /** The core exactly as the server wires it on these stores: logging in or joining here is what the server does. */
    public static <T> T core(Map<String, String> env, Function<ChatCore, T> use) {
        try (Backends backends = Backends.open(ServerConfig.fromEnvironment(env), Clock.systemUTC())) {
            return use.apply(ChatCore.create(backends.ports(), backends.settings(), Clock.systemUTC()));
        }
    }
}
