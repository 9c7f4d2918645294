package io.chillin.chat.server.logging;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what could be a secret in a log line, whoever wrote it (a library's warning may quote a URL or a header):
 * the value after a name such as {@code token}, {@code password}, {@code secret} or {@code ...key} followed by
 * {@code =} or {@code :} (query strings, key=value text, JSON), whatever follows {@code Authorization:}, a
 * {@code Bearer} credential, and the password in a URL's user info. The server itself never logs one; this is the
 * net under what it does not control.
 */
public final class SecretScrubber {

    static final String MASK = "***";

    /** A quoted value (JSON, 'single'), else everything up to a separator. */
    private static final String VALUE = "(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|[^\\s&,;}\"']+)";
    /** {@code name=value}, {@code name:value}, {@code "name": "value"}; not "token: log in again" (prose). */
    private static final Pattern NAMED = Pattern.compile("(?i)([\\w.-]*?(?:token|passw(?:or)?d|pwd|secret|credentials?"
            + "|api[_-]?key|access[_-]?key|private[_-]?key)s?(?:\"?\\s*=\\s*|\"?\\s*:\\s*(?=[\"'])|:))" + VALUE);
    /** One of these is in every text {@link #NAMED} matches. */
    private static final List<String> NAMED_WORDS = List.of("token", "passw", "pwd", "secret", "credential", "key");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)((?:proxy-)?authorization\"?\\s*[=:]\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|[^\\r\\n]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern URL_PASSWORD = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@]*:)[^@\\s/]+@");

    private SecretScrubber() {
    }

    /**
     * The text with every secret-looking value replaced by {@value #MASK}; null stays null. Each pattern runs only on
     * a line holding a word it needs: the patterns scan from every position, and ran on every access-log line (a
     * tenth of the server's CPU while a burst of clients connected), almost all of which hold none.
     */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // (?i) in the patterns folds ASCII only; lower-casing folds at least that much, so no match is skipped
        String lower = text.toLowerCase(Locale.ROOT);
        String scrubbed = text;
        if (lower.contains("authorization")) {
            scrubbed = mask(AUTHORIZATION, scrubbed);
        }
        if (NAMED_WORDS.stream().anyMatch(lower::contains)) {
            scrubbed = mask(NAMED, scrubbed);
        }
        if (lower.contains("bearer")) {
            scrubbed = BEARER.matcher(scrubbed).replaceAll("$1" + MASK);
        }
        if (lower.contains("://")) {
            scrubbed = URL_PASSWORD.matcher(scrubbed).replaceAll("$1" + MASK + "@");
        }
        return scrubbed;
    }

    /** Keeps the name and the value's quotes, masks the value. */
    private static String mask(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        return matcher.replaceAll(match -> {
            String value = match.group(2);
            char first = value.charAt(0);
            String masked = first == '"' || first == '\'' ? first + MASK + first : MASK;
            return Matcher.quoteReplacement(match.group(1) + masked);
        });
    }
}
