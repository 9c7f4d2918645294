package io.chillin.chat.domain;

/** Text rules shared by names, descriptions and messages; lengths are in Unicode code points. */
public final class Text {

    private Text() {
    }

    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** True when the text holds a control character (C0, DEL, C1) other than the allowed ones. */
    public static boolean hasControlCharacter(String s, String allowed) {
        return s.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL && allowed.indexOf(c) < 0);
    }

    /** True when the text holds a lone surrogate, i.e. is not well-formed Unicode. */
    public static boolean hasLoneSurrogate(String s) {
        return s.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    /** Rejects null with a {@link ChatException.Invalid} naming the field. */
    public static String required(String value, String field) {
        if (value == null) {
            throw new ChatException.Invalid(field, field + " is required");
        }
        return value;
    }
}
