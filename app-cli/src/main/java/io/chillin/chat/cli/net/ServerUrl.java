package io.chillin.chat.cli.net;

import java.net.URI;
import java.net.URISyntaxException;

/** A server given as {@code http(s)://host:port} (or its {@code ws(s)://} form): its REST base and its WebSocket endpoint. */
public record ServerUrl(URI http, URI ws) {

    /** @throws IllegalArgumentException when the text is not such a URL */
    public static ServerUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL like http://127.0.0.1:5000");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        boolean secure = switch (scheme) {
            case "http", "ws" -> false;
            case "https", "wss" -> true;
            default -> throw new IllegalArgumentException("'" + text + "' must start with http://, https://, ws:// or wss://");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' has no host");
        }
        String authority = uri.getRawAuthority();
        return new ServerUrl(URI.create((secure ? "https://" : "http://") + authority),
                URI.create((secure ? "wss://" : "ws://") + authority + "/ws"));
    }

    /** The WebSocket endpoint, with a token when one is given. */
    public URI ws(String token) {
        return token == null ? ws : URI.create(ws + "?token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
    }

    public URI http(String path) {
        return URI.create(http + path);
    }

    @Override
    public String toString() {
        return http.toString();
    }
}
