package io.chillin.chat.server.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * JSON written by hand, so that it can be wrong on purpose: duplicate keys, escaped lone surrogates, raw control
 * characters, numbers no parser agrees on. An object is kept as its members' texts until it is written.
 */
final class JsonText {

    /** One member of an object as it will be written: the key's text and the value's JSON text. */
    record Member(String key, String value) {
    }

    /** Numbers on and past every edge: zero's sign, int and long limits, doubles that overflow, too many digits. */
    static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "7", "42", "1.5", "-1.5", "0.0", "1.0", "1e3",
            "1E+400", "-1e-400", "0.1e-1", "2147483647", "2147483648", "-2147483649", "9007199254740993",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "123456789012345678901234567890", "1" + "0".repeat(31), "1" + "0".repeat(32), "9".repeat(200),
            "1e9999999999", "1.7976931348623157e309", "4.9e-325", "-0.0", "5e-324", "100", "101", "500", "16384");
    /** Number-like text that JSON forbids. */
    static final List<String> NOT_NUMBERS = List.of("01", "+1", ".5", "1.", "NaN", "Infinity", "-Infinity", "0x1F",
            "1_000", "1e", "--1", "1e+", "0b1", "1,5", "\u0661\u0662");

    private JsonText() {
    }

    /**
     * A JSON string literal. Lone surrogates are always escaped (a text frame is UTF-8 and cannot carry them);
     * controls are escaped unless {@code rawControls}, which makes the literal invalid JSON; with {@code escapeAll}
     * every non-ASCII character is escaped too, so the same value is spelled another way.
     */
    static String string(String s, boolean rawControls, boolean escapeAll) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 && !rawControls) {
                escape(out, c);
            } else if (Character.isSurrogate(c) && (!paired || escapeAll)) {
                escape(out, c);
            } else if (c > 0x7E && escapeAll) {
                escape(out, c);
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String string(String s) {
        return string(s, false, false);
    }

    /** The JSON escape of one UTF-16 unit: {@code \\u00e9}. */
    static String escaped(char c) {
        StringBuilder out = new StringBuilder(6);
        escape(out, c);
        return out.toString();
    }

    private static void escape(StringBuilder out, char c) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((c >> shift) & 0xF, 16));
        }
    }

    static String object(List<Member> members) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(members.get(i).key()).append(':').append(members.get(i).value());
        }
        return out.append('}').toString();
    }

    static String array(List<String> values) {
        return "[" + String.join(",", values) + "]";
    }

    /** A member with a plain key. */
    static Member member(String key, String valueText) {
        return new Member(string(key), valueText);
    }

    /** Any JSON value, nested up to {@code depth} levels. */
    static String anyValue(SplittableRandom r, int depth) {
        int pick = r.nextInt(depth <= 0 ? 6 : 9);
        return switch (pick) {
            case 0 -> "null";
            case 1 -> r.nextBoolean() ? "true" : "false";
            case 2, 3 -> HostileText.pick(r, NUMBERS);
            case 4, 5 -> string(HostileText.any(r), false, r.nextInt(8) == 0);
            case 6 -> {
                List<String> items = new ArrayList<>();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    items.add(anyValue(r, depth - 1));
                }
                yield array(items);
            }
            default -> {
                List<Member> members = new ArrayList<>();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    members.add(member(r.nextBoolean() ? HostileText.word(r, 1 + r.nextInt(6)) : HostileText.any(r),
                            anyValue(r, depth - 1)));
                }
                yield object(members);
            }
        };
    }

    /** A value nested {@code depth} levels deep in arrays or objects. */
    static String nested(SplittableRandom r, String inner, int depth) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        boolean arrays = r.nextBoolean();
        for (int i = 0; i < depth; i++) {
            if (arrays || r.nextInt(4) == 0) {
                open.append('[');
                close.insert(0, ']');
            } else {
                open.append("{\"a\":");
                close.insert(0, '}');
            }
        }
        return open + inner + close;
    }
}
