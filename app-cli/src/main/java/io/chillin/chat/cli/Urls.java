package io.chillin.chat.cli;

import io.chillin.chat.cli.net.ServerUrl;
import java.util.List;

/** Server URLs from the command line; a bad one is a usage error. */
final class Urls {

    private Urls() {
    }

    static ServerUrl parse(String url) {
        try {
            return ServerUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url: " + e.getMessage());
        }
    }

    static List<ServerUrl> parse(List<String> urls) {
        return urls.stream().map(Urls::parse).toList();
    }
}
