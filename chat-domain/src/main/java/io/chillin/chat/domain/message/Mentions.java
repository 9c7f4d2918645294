package io.chillin.chat.domain.message;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the names a text may mention: {@code @name} where the {@code @} is not preceded by a letter, digit,
 * {@code _} or {@code -}, and name is the whole run of such characters after it (so it is not followed by one).
 * Which of them are registered users is for the caller to ask.
 */
public final class Mentions {

    private static final int MIN_NAME = 3;
    private static final int MAX_NAME = 20;

    private Mentions() {
    }

    /** The distinct candidate names (lower-cased keys), in order of first appearance; none when the text has no '@'. */
    public static List<String> candidates(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        while (at >= 0) {
            int end = at + 1;
            if (at == 0 || !isNameChar(text.codePointBefore(at))) {
                while (end < text.length() && isNameChar(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                int length = text.codePointCount(at + 1, end);
                if (length >= MIN_NAME && length <= MAX_NAME) {
                    found.add(text.substring(at + 1, end).toLowerCase(Locale.ROOT));
                }
            }
            at = text.indexOf('@', Math.max(end, at + 1));
        }
        return new ArrayList<>(found);
    }

    private static boolean isNameChar(int c) {
        return Character.isLetter(c) || Character.isDigit(c) || c == '_' || c == '-';
    }
}
