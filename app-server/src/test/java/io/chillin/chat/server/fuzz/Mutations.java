package io.chillin.chat.server.fuzz;

import io.chillin.chat.server.fuzz.JsonText.Member;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Bends a valid JSON object: members dropped, duplicated, retyped, renamed, nested, swapped; then, sometimes, its
 * text: cut short, spliced, wrapped, padded. Text edits work on whole code points, so a text frame can carry the
 * result.
 */
final class Mutations {

    /** Types a frame's {@code type} may be bent into; never {@code join}, so only join templates ever join a room. */
    static final List<String> OTHER_TYPES = List.of("leave", "sendMessage", "typing", "stopTyping", "ping",
            "watchRooms", "unwatchRooms", "Ping", "PING", " ping", "ping ", "p\u0456ng", "sendmessage", "send_message",
            "message", "ack", "error", "pong", "roomData", "messageConfirmed", "", "JOIN", "Join", "join ", " join",
            "j\u043Ein", "joi\u0000n", "joinRoom", "leaveAll", "deleteRoom", "__proto__", "typing\u200B");
    private static final List<String> TRAILERS = List.of("x", "}", "]", " {}", ",", "\u0000", " \"", "{", "//c",
            "/*", "\n{\"type\":\"ping\"}", "null", "\uFEFF", "\u00A0");
    private static final List<String> PREFIXES = List.of("\uFEFF", "\u00A0", "\u2028", " \n\t\r", "[", ",", "\u0000",
            "//x\n", "\"");
    private static final String STRUCTURAL = "{}[],:\"\\ 0-.etfn";

    private Mutations() {
    }

    /** Applies {@code count} member mutations in place. */
    static void members(SplittableRandom r, List<Member> members, int count) {
        for (int i = 0; i < count; i++) {
            member(r, members);
        }
    }

    private static void member(SplittableRandom r, List<Member> members) {
        if (members.isEmpty()) {
            members.add(JsonText.member(HostileText.any(r), JsonText.anyValue(r, 3)));
            return;
        }
        int at = r.nextInt(members.size());
        Member m = members.get(at);
        int pick = r.nextInt(100);
        if (pick < 30) {
            // the most useful bend: the right JSON type, so validation gets to see the value
            String value = JsonText.string(HostileText.any(r), r.nextInt(10) == 0, r.nextInt(6) == 0);
            members.set(at, new Member(m.key(), value));
        } else if (pick < 38) {
            members.set(at, new Member(m.key(), r.nextInt(4) == 0
                    ? HostileText.pick(r, JsonText.NOT_NUMBERS) : HostileText.pick(r, JsonText.NUMBERS)));
        } else if (pick < 46) {
            members.remove(at);
        } else if (pick < 52) {
            members.add(r.nextInt(members.size() + 1), r.nextBoolean() ? m : new Member(m.key(), JsonText.anyValue(r, 2)));
        } else if (pick < 62) {
            members.set(at, new Member(m.key(), retyped(r, m.value())));
        } else if (pick < 68) {
            members.set(at, new Member(renamed(r, m.key()), m.value()));
        } else if (pick < 78) {
            members.add(r.nextInt(members.size() + 1), JsonText.member(
                    r.nextBoolean() ? HostileText.word(r, 1 + r.nextInt(8)) : HostileText.any(r), JsonText.anyValue(r, 3)));
        } else if (pick < 82) {
            members.set(at, new Member(m.key(), JsonText.nested(r, m.value(), 1 + r.nextInt(r.nextBoolean() ? 20 : 600))));
        } else if (pick < 86) {
            int other = r.nextInt(members.size());
            Member o = members.get(other);
            members.set(at, new Member(m.key(), o.value()));
            members.set(other, new Member(o.key(), m.value()));
        } else if (pick < 92) {
            members.set(at, new Member(m.key(), JsonText.string(HostileText.pick(r, OTHER_TYPES))));
        } else {
            members.set(at, new Member(m.key(), JsonText.string(HostileText.any(r) + unquoted(m.value()))));
        }
    }

    /** The same value as another JSON type: a string as a number, an array, an object; a number as a string... */
    private static String retyped(SplittableRandom r, String value) {
        return switch (r.nextInt(7)) {
            case 0 -> "null";
            case 1 -> r.nextBoolean() ? "true" : "false";
            case 2 -> HostileText.pick(r, JsonText.NUMBERS);
            case 3 -> "[" + value + "]";
            case 4 -> "{\"value\":" + value + "}";
            case 5 -> value.startsWith("\"") ? "[]" : JsonText.string(value);
            default -> JsonText.anyValue(r, 2);
        };
    }

    private static String renamed(SplittableRandom r, String keyText) {
        String key = unquoted(keyText);
        return switch (r.nextInt(9)) {
            case 0 -> JsonText.string(key.toUpperCase(Locale.ROOT));
            case 1 -> JsonText.string(" " + key);
            case 2 -> JsonText.string(key + "\u0000");
            case 3 -> JsonText.string(key.replace('e', '\u0435').replace('o', '\u043E').replace('a', '\u0430')
                    .replace('p', '\u0440'));
            // the same key, spelled with an escape: a parser reads it as the original
            case 4 -> key.isEmpty() ? "\"\""
                    : "\"" + JsonText.escaped(key.charAt(0)) + JsonText.string(key.substring(1)).substring(1);
            case 5 -> "\"\"";
            case 6 -> key;
            case 7 -> "'" + key + "'";
            default -> JsonText.string(key + HostileText.piece(r));
        };
    }

    private static String unquoted(String text) {
        boolean quoted = text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"");
        return quoted ? text.substring(1, text.length() - 1) : text;
    }

    /** One edit of the text itself; the result is usually not JSON at all. */
    static String text(SplittableRandom r, String text) {
        int codePoints = text.codePointCount(0, text.length());
        int at = text.offsetByCodePoints(0, r.nextInt(codePoints + 1));
        return switch (r.nextInt(9)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + STRUCTURAL.charAt(r.nextInt(STRUCTURAL.length())) + text.substring(at);
            case 2 -> {
                int end = text.offsetByCodePoints(at, r.nextInt(text.codePointCount(at, text.length()) + 1));
                yield text.substring(0, at) + text.substring(end);
            }
            case 3 -> text + HostileText.pick(r, TRAILERS);
            case 4 -> HostileText.pick(r, PREFIXES) + text;
            case 5 -> r.nextBoolean() ? "[" + text + "]" : JsonText.string(text);
            case 6 -> text + (r.nextBoolean() ? "" : "\n") + text;
            case 7 -> {
                int end = at < text.length() ? text.offsetByCodePoints(at, 1) : at;
                String inserted = r.nextBoolean() ? HostileText.piece(r) : HostileText.word(r, 1);
                yield text.substring(0, at) + HostileText.sendable(inserted) + text.substring(end);
            }
            default -> text.substring(0, at) + HostileText.pick(r, List.of(" ", "\n", "\t", "\r", "  \n  "))
                    + text.substring(at);
        };
    }
}
