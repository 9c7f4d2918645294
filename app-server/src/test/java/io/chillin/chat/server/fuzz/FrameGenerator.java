package io.chillin.chat.server.fuzz;

import io.chillin.chat.server.fuzz.JsonText.Member;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hostile WebSocket frames, the same for the same seed and number: every client frame type of PROTOCOL.md, valid
 * or bent by {@link Mutations}, random JSON, garbage, and frames on either side of the size limit.
 */
final class FrameGenerator {

    /** The largest frame the server reads (PROTOCOL.md: at most 16 KiB); one byte more closes the socket with 1009. */
    static final int MAX_FRAME_BYTES = 16 * 1024;

    /** Stands for a live token in a generated {@code auth} frame: the socket that sends it puts one there. */
    static final String TOKEN = "{token}";
    private static final List<String> TEMPLATES = List.of("join", "leave", "sendMessage", "auth", "typing", "stopTyping",
            "ping", "watchRooms", "unwatchRooms");

    /** A generated frame: its number, what it was made from, and its text. */
    record Frame(long index, String kind, String text) {
        int bytes() {
            return text.getBytes(StandardCharsets.UTF_8).length;
        }

        boolean oversized() {
            return bytes() > MAX_FRAME_BYTES;
        }
    }

    private final long seed;
    private final Vocabulary words;

    FrameGenerator(long seed, Vocabulary words) {
        this.seed = seed;
        this.words = words;
    }

    Frame frame(long index) {
        SplittableRandom r = Seeds.random(seed, Seeds.FRAMES, index);
        int pick = r.nextInt(1000);
        if (pick < 2) {
            return new Frame(index, "oversized", oversized(r));
        }
        if (pick < 4) {
            return new Frame(index, "at-limit", atLimit(r));
        }
        if (pick < 60) {
            return new Frame(index, "random-json", JsonText.anyValue(r, 1 + r.nextInt(6)));
        }
        if (pick < 120) {
            return new Frame(index, "random-object", randomObject(r));
        }
        if (pick < 150) {
            return new Frame(index, "garbage", garbage(r));
        }
        String template = TEMPLATES.get(weightedTemplate(r));
        List<Member> members = template(r, template);
        int mutations = mutationCount(r);
        Mutations.members(r, members, mutations);
        String text = JsonText.object(members);
        boolean textEdited = r.nextInt(100) < 20;
        if (textEdited) {
            text = Mutations.text(r, text);
        }
        String kind = template + (mutations == 0 && !textEdited ? "" : "~");
        return new Frame(index, kind, HostileText.sendable(text));
    }

    /**
     * Joins and sends most often: they reach the most code. Auth rarely: a refused one closes the socket (4001), and
     * the frames in flight behind it go unanswered.
     */
    private static int weightedTemplate(SplittableRandom r) {
        int pick = r.nextInt(1000);
        if (pick < 220) {
            return 0;
        }
        if (pick < 320) {
            return 1;
        }
        if (pick < 600) {
            return 2;
        }
        if (pick < 605) {
            return 3;
        }
        return 4 + r.nextInt(TEMPLATES.size() - 4);
    }

    private static int mutationCount(SplittableRandom r) {
        int pick = r.nextInt(100);
        if (pick < 15) {
            return 0;
        }
        if (pick < 65) {
            return 1;
        }
        if (pick < 87) {
            return 2;
        }
        return 3 + r.nextInt(4);
    }

    /** A valid frame of this type, with optional fields present or not. */
    List<Member> template(SplittableRandom r, String type) {
        List<Member> m = new ArrayList<>();
        m.add(JsonText.member("type", JsonText.string(type)));
        switch (type) {
            case "join" -> {
                String room = words.joinRoom(r);
                m.add(JsonText.member("room", JsonText.string(room)));
                if (r.nextInt(10) < 8) {
                    m.add(JsonText.member("name", JsonText.string(words.guestName(r))));
                }
                if (r.nextInt(100) < (room.strip().equalsIgnoreCase(words.vault()) ? 80 : 10)) {
                    m.add(JsonText.member("password", JsonText.string(words.password(r))));
                }
                if (r.nextInt(10) < 3) {
                    m.add(JsonText.member("sinceSeq", HostileText.pick(r, List.of("0", "1", "3", "100000"))));
                }
            }
            case "leave", "typing", "stopTyping" -> m.add(JsonText.member("room", JsonText.string(words.anyRoom(r))));
            case "auth" -> m.add(JsonText.member("token", JsonText.string(r.nextBoolean() ? TOKEN
                    : HostileText.pick(r, List.of("", "A".repeat(43), "null", TOKEN + "x", " " + TOKEN,
                            HostileText.any(r))))));
            case "sendMessage" -> {
                m.add(JsonText.member("room", JsonText.string(words.anyRoom(r))));
                // few tempIds, so that sends repeat: a retry must be confirmed with the stored message
                String tempId = r.nextInt(4) == 0 ? HostileText.any(r) : "t" + r.nextInt(40);
                m.add(JsonText.member("tempId", JsonText.string(tempId)));
                m.add(JsonText.member("text", JsonText.string(r.nextBoolean() ? HostileText.any(r)
                        : "fuzz " + HostileText.word(r, 1 + r.nextInt(20)), false, r.nextInt(10) == 0)));
            }
            default -> {
            }
        }
        if (r.nextBoolean()) {
            m.add(r.nextInt(m.size() + 1), JsonText.member("ref", r.nextBoolean()
                    ? JsonText.string("r" + r.nextInt(1000)) : String.valueOf(r.nextInt(1_000_000))));
        }
        return m;
    }

    /** Keys and values at random; often with a real type, so that the parser gets past the first check. */
    private String randomObject(SplittableRandom r) {
        List<Member> m = new ArrayList<>();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            String key = r.nextInt(3) == 0 ? HostileText.pick(r, List.of("type", "room", "name", "text", "tempId", "ref",
                    "password", "sinceSeq", "token")) : HostileText.any(r);
            m.add(JsonText.member(key, JsonText.anyValue(r, 3)));
        }
        if (r.nextBoolean()) {
            m.add(r.nextInt(m.size() + 1),
                    JsonText.member("type", JsonText.string(HostileText.pick(r, Mutations.OTHER_TYPES))));
        }
        return JsonText.object(m);
    }

    /** Text that is not JSON: structural characters, words and odd pieces in any order. */
    private static String garbage(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 2000 : 40);
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(4);
            if (pick == 0) {
                s.append("{}[],:\"\\".charAt(r.nextInt(8)));
            } else if (pick == 1) {
                s.append(HostileText.word(r, 1 + r.nextInt(5)));
            } else {
                s.append(HostileText.piece(r));
            }
        }
        return HostileText.sendable(s.toString());
    }

    /** A valid frame made longer than the limit: by a long value or by white space. */
    private String oversized(SplittableRandom r) {
        int target = MAX_FRAME_BYTES + 1 + (r.nextBoolean() ? r.nextInt(4) : r.nextInt(40_000));
        return padded(r, target);
    }

    /** A ping of exactly the limit or just under it, in bytes: it must be answered. */
    private String atLimit(SplittableRandom r) {
        return padded(r, MAX_FRAME_BYTES - r.nextInt(3));
    }

    /** {"type":"ping","ref":...} grown to exactly {@code bytes} UTF-8 bytes with white space or a long string. */
    private static String padded(SplittableRandom r, int bytes) {
        String head = "{\"type\":\"ping\",\"ref\":\"pad\",\"x\":\"";
        String tail = "\"}";
        StringBuilder s = new StringBuilder(bytes).append(head);
        boolean multiByte = r.nextBoolean();
        int room = bytes - head.length() - tail.length();
        while (room > 0) {
            if (multiByte && room >= 3) {
                s.append('\u20AC');
                room -= 3;
            } else {
                s.append(r.nextBoolean() ? 'x' : ' ');
                room--;
            }
        }
        return s.append(tail).toString();
    }
}
