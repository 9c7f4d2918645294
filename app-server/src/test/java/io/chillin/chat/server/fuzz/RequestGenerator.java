package io.chillin.chat.server.fuzz;

import io.chillin.chat.server.fuzz.JsonText.Member;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hostile REST requests, the same for the same seed and number: every endpoint of PROTOCOL.md with valid or bent
 * JSON bodies, other bodies and content types, odd paths and query parameters, and odd Authorization headers.
 * A header that should carry a live token says {@link #TOKEN}; the runner puts one of its tokens there.
 */
final class RequestGenerator {

    /** Stands for a live token in a generated header: only the running fuzzer has tokens. */
    static final String TOKEN = "{token}";
    /** The endpoint of a WebSocket upgrade: sent by a WebSocket client, not as a plain request. */
    static final String UPGRADE = "GET /ws (upgrade)";

    /**
     * A generated request.
     *
     * @param endpoint what it was made from, for the tally: {@code POST /api/auth/login}, {@code odd path}...
     * @param target   the path and query exactly as sent
     * @param headers  names and values, alternating
     */
    record Request(long index, String endpoint, String method, String target, List<String> headers, byte[] body) {

        String bodyText() {
            return body == null ? "" : new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String shown = bodyText();
            return method + " " + target + " " + headers + (body == null ? "" : " body(" + body.length + " bytes)="
                    + (shown.length() > 600 ? shown.substring(0, 600) + "..." : shown));
        }
    }

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD",
            "TRACE", "FOO");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "APPLICATION/JSON", "application/json;charset=UTF-8", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=xyz", "application/json; charset=bogus", "application/json; charset=utf-16",
            "application/json; charset=iso-8859-1", "application/json; charset=", "application/xml", "*/*", "",
            "application/json, text/plain", "application/merge-patch+json", "json", "application/json; boundary=\"x\"",
            "application/json; charset=\"utf-8\"", "application/json; charset=utf-32");
    private static final List<String> LIMITS = List.of("", "0", "1", "50", "100", "101", "-1", "2147483647",
            "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1e2",
            "1.5", "0x10", "abc", "%00", "+5", "%205", "5%20", "%EF%BC%95", "%D9%A1", "NaN", "Infinity", "9".repeat(400),
            "-0", "00000000000000000000000000000001", "%2B1", "1%00", "%E2%80%8B1", "true", "null", "[]");
    private static final List<String> ODD_SEGMENTS = List.of("%00", "%2F", "%2f", "%2E%2E", "..", ".", "%25", "%FF",
            "%C0%AF", "%ED%A0%80", "%E2%80%AE", "%20", "%09", "%0A", "%0D%0A", "a%00b", "%F0%9F%98%80", "%3B", ";", "%3F",
            "%23", "x".repeat(300), "%41".repeat(200), "~", "%7E", "%EF%BB%BF", "%C3%A9", "e%CC%81", "%E0%80%80",
            "%F4%90%80%80",
            "%5C", "%22", "%3Cscript%3E", "%7B%7D", "CON", "nul");
    private static final List<String> ODD_PATHS = List.of("/api", "/api/", "/api/nope", "/api/rooms/", "/api//rooms",
            "/API/rooms", "/api/Rooms", "/api/rooms;x=1", "/api/me;jsessionid=1", "/api/./rooms", "/api/rooms/.",
            "/api/rooms/..", "/api/rooms/../me", "/api/%2e%2e/health", "/api/rooms/x/messages/extra", "/api/users",
            "/api/users/x", "/api/users//avatar", "/api/auth", "/api/auth/", "/api/auth/nope", "/api/auth/register/x",
            "/health/", "/health/ready/x", "/health/%2e%2e", "/healthz", "/api/rooms/create/x", "/api/rooms/join/",
            "/api/rooms%2Fcreate", "/api/me/", "/api/me/x", "/api/" + "a/".repeat(200), "/api/%00", "/api/\u00e9",
            "/api/rooms/messages", "/api/rooms/%2F/messages", "/api/rooms/a%2Fb/messages", "/api/rooms//messages");

    private final long seed;
    private final Vocabulary words;

    RequestGenerator(long seed, Vocabulary words) {
        this.seed = seed;
        this.words = words;
    }

    Request request(long index) {
        SplittableRandom r = Seeds.random(seed, Seeds.REQUESTS, index);
        int pick = r.nextInt(1000);
        if (pick < 70) {
            return bodied(r, index, "POST /api/auth/register", "/api/auth/register", register(r), false);
        }
        if (pick < 120) {
            return bodied(r, index, "POST /api/auth/login", "/api/auth/login", login(r), false);
        }
        if (pick < 230) {
            return bodied(r, index, "POST /api/auth/guest", "/api/auth/guest", guest(r), false);
        }
        if (pick < 280) {
            return plain(r, index, "POST /api/auth/logout", "POST", "/api/auth/logout", true);
        }
        if (pick < 350) {
            return plain(r, index, "GET /api/me", "GET", "/api/me", true);
        }
        if (pick < 365) {
            // every room in one answer: kept rare, since the rooms that valid joins create stay
            return plain(r, index, "GET /api/rooms", "GET", "/api/rooms" + (r.nextInt(5) == 0 ? "?" + query(r) : ""),
                    r.nextBoolean());
        }
        if (pick < 470) {
            return bodied(r, index, "POST /api/rooms/create", "/api/rooms/create", createRoom(r), true);
        }
        if (pick < 560) {
            return bodied(r, index, "POST /api/rooms/join", "/api/rooms/join", joinRoom(r), r.nextBoolean());
        }
        if (pick < 780) {
            return plain(r, index, "GET /api/rooms/{name}/messages", "GET",
                    "/api/rooms/" + segment(r, words.anyRoom(r)) + "/messages" + (r.nextInt(8) == 0 ? "" : "?" + query(r)),
                    r.nextInt(3) == 0);
        }
        if (pick < 800) {
            return plain(r, index, "GET /api/rooms/{name}", "GET", "/api/rooms/" + segment(r, words.anyRoom(r)),
                    r.nextInt(3) == 0);
        }
        if (pick < 850) {
            return plain(r, index, "GET /api/users/{name}/avatar", "GET",
                    "/api/users/" + segment(r, words.username(r)) + "/avatar", false);
        }
        if (pick < 870) {
            return plain(r, index, "GET /health", "GET", r.nextBoolean() ? "/health" : "/health/ready", false);
        }
        if (pick < 890) {
            return upgrade(r, index);
        }
        if (pick < 930) {
            return wrongMethod(r, index);
        }
        return plain(r, index, "odd path", r.nextInt(3) == 0 ? "POST" : "GET", HostileText.pick(r, ODD_PATHS),
                r.nextBoolean());
    }

    private List<Member> register(SplittableRandom r) {
        List<Member> m = new ArrayList<>();
        m.add(JsonText.member("username", JsonText.string(words.username(r))));
        m.add(JsonText.member("password", JsonText.string(words.password(r))));
        if (r.nextBoolean()) {
            m.add(JsonText.member("email", JsonText.string(HostileText.pick(r, List.of("a@b.io", "", " ", "x@y",
                    "fz@\u00e9xample.org", "a@b@c.io", HostileText.any(r) + "@x.io", "a@" + "b".repeat(250) + ".io")))));
        }
        return m;
    }

    private List<Member> login(SplittableRandom r) {
        List<Member> m = new ArrayList<>();
        m.add(JsonText.member("username", JsonText.string(words.username(r))));
        m.add(JsonText.member("password", JsonText.string(words.password(r))));
        return m;
    }

    private List<Member> guest(SplittableRandom r) {
        List<Member> m = new ArrayList<>();
        m.add(JsonText.member("name", JsonText.string(words.guestName(r))));
        return m;
    }

    private List<Member> createRoom(SplittableRandom r) {
        List<Member> m = new ArrayList<>();
        m.add(JsonText.member("name", JsonText.string(r.nextInt(10) < 7 ? words.joinRoom(r) : words.existingRoom(r))));
        if (r.nextBoolean()) {
            m.add(JsonText.member("description", JsonText.string(HostileText.any(r))));
        }
        if (r.nextInt(4) == 0) {
            m.add(JsonText.member("password", JsonText.string(words.password(r))));
        }
        return m;
    }

    private List<Member> joinRoom(SplittableRandom r) {
        List<Member> m = new ArrayList<>();
        m.add(JsonText.member("roomName", JsonText.string(words.anyRoom(r))));
        if (r.nextInt(3) == 0) {
            m.add(JsonText.member("password", JsonText.string(words.password(r))));
        }
        return m;
    }

    /** A request with a JSON body: valid, bent, replaced by another body, or sent with another content type. */
    private Request bodied(SplittableRandom r, long index, String endpoint, String path, List<Member> members,
                           boolean tokenUsual) {
        int mutations = r.nextInt(10) < 2 ? 0 : 1 + r.nextInt(3);
        Mutations.members(r, members, mutations);
        String text = JsonText.object(members);
        if (r.nextInt(10) < 2) {
            text = Mutations.text(r, text);
        }
        byte[] body = body(r, HostileText.sendable(text));
        List<String> headers = new ArrayList<>();
        if (r.nextInt(10) < 8) {
            headers.add("Content-Type");
            headers.add(r.nextInt(10) < 7 ? "application/json" : HostileText.pick(r, CONTENT_TYPES));
        }
        authorization(r, headers, tokenUsual);
        return new Request(index, endpoint, r.nextInt(30) == 0 ? HostileText.pick(r, METHODS) : "POST", path,
                headers, body);
    }

    /** The body as sent: usually the text; sometimes other bytes (invalid UTF-8, UTF-16, nothing, too much). */
    private static byte[] body(SplittableRandom r, String text) {
        int pick = r.nextInt(100);
        if (pick < 86) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return switch (pick) {
            case 86, 87 -> new byte[0];
            case 88, 89 -> text.getBytes(StandardCharsets.UTF_16);
            case 90, 91 -> invalidUtf8(r, text);
            case 92 -> ("username=fz_user1&password=fuzz-password").getBytes(StandardCharsets.UTF_8);
            case 93 -> (text + " ".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
            case 94 -> JsonText.anyValue(r, 4).getBytes(StandardCharsets.UTF_8);
            case 95 -> ("{\"username\":\"" + "a".repeat(60_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 96 -> JsonText.nested(r, "1", 2000).getBytes(StandardCharsets.UTF_8);
            default -> HostileText.sendable(HostileText.mixed(r, 20)).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] invalidUtf8(SplittableRandom r, String text) {
        byte[] valid = text.getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xFF, (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xF8};
        int at = valid.length == 0 ? 0 : r.nextInt(valid.length);
        byte[] out = new byte[valid.length + 2];
        System.arraycopy(valid, 0, out, 0, at);
        out[at] = bad[r.nextInt(bad.length)];
        out[at + 1] = bad[r.nextInt(bad.length)];
        System.arraycopy(valid, at, out, at + 2, valid.length - at);
        return out;
    }

    private Request plain(SplittableRandom r, long index, String endpoint, String method, String target,
                          boolean tokenUsual) {
        List<String> headers = new ArrayList<>();
        authorization(r, headers, tokenUsual);
        byte[] body = null;
        if (r.nextInt(20) == 0) {
            body = JsonText.anyValue(r, 2).getBytes(StandardCharsets.UTF_8);
            headers.add("Content-Type");
            headers.add(HostileText.pick(r, CONTENT_TYPES));
        }
        return new Request(index, endpoint, method, target, headers, body);
    }

    /** A WebSocket upgrade with an odd token in the URL, an odd Origin, or both. */
    private static Request upgrade(SplittableRandom r, long index) {
        String token = HostileText.pick(r, List.of(TOKEN, TOKEN, "", "x", TOKEN + "x", "A".repeat(43), "A".repeat(3000),
                "%00", "%FF", TOKEN + "&token=" + TOKEN, TOKEN + "&token=x", "null", "%20" + TOKEN, TOKEN + "%20"));
        if (r.nextInt(4) == 0) {
            token = segment(r, HostileText.any(r));
        }
        List<String> headers = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            headers.add("Origin");
            headers.add(HostileText.pick(r, List.of("http://localhost:3000", "http://evil.example", "null", "",
                    "http://localhost:3000/", "HTTP://LOCALHOST:3000", "http://localhost:3000.evil.example", "file://",
                    "http://127.0.0.1", "https://localhost:3000")));
        }
        String query = r.nextInt(6) == 0 ? "" : "?token=" + token;
        return new Request(index, UPGRADE, "GET", "/ws" + query, headers, null);
    }

    private Request wrongMethod(SplittableRandom r, long index) {
        String target = HostileText.pick(r, List.of("/api/auth/register", "/api/auth/login", "/api/auth/guest",
                "/api/auth/logout", "/api/me", "/api/rooms", "/api/rooms/create", "/api/rooms/join",
                "/api/rooms/fz-lobby/messages", "/api/users/fz_user1/avatar", "/health", "/health/ready"));
        return plain(r, index, "wrong method", HostileText.pick(r, METHODS), target, r.nextBoolean());
    }

    /** Odd Authorization headers, a live token in many of them; a header the HTTP client cannot send is never made. */
    private static void authorization(SplittableRandom r, List<String> headers, boolean tokenUsual) {
        int pick = r.nextInt(100);
        if (pick < (tokenUsual ? 10 : 50)) {
            return;
        }
        String value;
        if (pick < 70) {
            value = "Bearer " + TOKEN;
        } else {
            value = HostileText.pick(r, List.of("Bearer", "Bearer ", "bearer " + TOKEN, "BEARER  " + TOKEN,
                    "Bearer " + TOKEN + "x", "Bearer x" + TOKEN, "Basic Zm9vOmJhcg==", "Token " + TOKEN, TOKEN,
                    "Bearer " + TOKEN + " " + TOKEN, "Bearer \t" + TOKEN, "Bearer null", "Bearer undefined",
                    "Bearer " + "A".repeat(43), "Bearer " + "A".repeat(5000), "Bearer " + "A".repeat(9000),
                    "Bearer %00", "Bearer ../../", "Bearer " + TOKEN + ",Bearer " + TOKEN, "Bearer \"" + TOKEN + "\"",
                    "Bearer " + HostileText.word(r, 20), "Bearer=" + TOKEN, "Bearer" + TOKEN));
        }
        headers.add("Authorization");
        headers.add(value);
    }

    private static String query(SplittableRandom r) {
        List<String> parts = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            String name = HostileText.pick(r, List.of("limit", "limit", "before", "after", "cursor", "LIMIT", "limit[]",
                    "token", "sinceSeq", "", "%00", "before%00"));
            String value = name.equals("cursor") && r.nextBoolean() ? segment(r, HostileText.any(r))
                    : HostileText.pick(r, LIMITS);
            parts.add(r.nextInt(15) == 0 ? name : name + "=" + value);
        }
        return String.join("&", parts);
    }

    /** A path segment: a name percent-encoded as UTF-8, or an odd encoding the server must refuse or read. */
    private static String segment(SplittableRandom r, String name) {
        if (r.nextInt(8) == 0) {
            return HostileText.pick(r, ODD_SEGMENTS);
        }
        StringBuilder s = new StringBuilder();
        for (byte b : HostileText.sendable(name).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-_.~".indexOf(c) >= 0;
            if (unreserved && r.nextInt(20) != 0) {
                s.append((char) c);
            } else {
                s.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            }
        }
        return s.toString();
    }
}
