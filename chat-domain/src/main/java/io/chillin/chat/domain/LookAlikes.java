package io.chillin.chat.domain;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules that keep a new user or room name from passing for another one (after Unicode TR39, "Unicode Security
 * Mechanisms"): no invisible characters (zero-width spaces and joiners, fillers, soft hyphens), no characters that
 * change the direction of the text around them (bidi controls), and no word that mixes scripts the way spoofs do
 * ("аdmin" with a Cyrillic "а"). A word may mix its script with Common and Inherited characters (digits, '_',
 * combining marks), and Han with Latin and the Japanese, Korean or Bopomofo scripts, as TR39's "highly restrictive"
 * level allows; words of different scripts side by side ("Москва chat") are fine.
 *
 * <p>Applied to names when they are made, never when stored names are read back: a name stored before these
 * rules stays usable.
 *
 * <p>A name in one script can still pass for one in another ("ѕсоре", all Cyrillic, for "scope"), and digits and
 * letters for each other ("0" for "O", "1" and "I" for "l", "rn" for "m"): the stores keep names unique by their
 * {@link #skeleton(String) skeleton} as well as by their case-insensitive key.
 */
public final class LookAlikes {

    private static final Set<UnicodeScript> NEUTRAL = EnumSet.of(UnicodeScript.COMMON, UnicodeScript.INHERITED);
    /** The script mixes TR39 allows in one identifier at its "highly restrictive" level. */
    private static final List<Set<UnicodeScript>> ALLOWED_MIXES = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    /** Immutable once built, so one serves every thread; building it loads Unicode's confusables table. */
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();
    private static final int MAX_SKELETON_ROUNDS = 8;

    private LookAlikes() {
    }

    /**
     * Refuses a name that could pass for another.
     *
     * @throws ChatException.Invalid on {@code field} when it has an invisible or bidi character, or a word of mixed scripts
     */
    public static void refuse(String name, String field) {
        int[] cps = name.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            if (isInvisible(cps, i)) {
                throw new ChatException.Invalid(field, field + " must not contain invisible or text-direction characters"
                        + " (U+" + String.format("%04X", cps[i]) + ")");
            }
        }
        // '_' and '-' join a word (a username is one word), white space separates words
        for (String word : name.split("\\s+")) {
            if (mixesScripts(word)) {
                throw new ChatException.Invalid(field, field + " must not mix alphabets within a word ('" + word
                        + "'): it could pass for another name");
            }
        }
    }

    /**
     * What a name looks like, for telling names that could pass for each other: its skeleton after Unicode TR39
     * (section 4: decomposed, each character mapped to the prototype it is confusable with by Unicode's data, decomposed
     * again), case-folded and decomposed, and the same again until nothing changes. Two names that look alike, as
     * written or in small letters, have the same skeleton.
     *
     * <p>Mapped as spelled before folding, because case matters to the eye: "paypaI" passes for "paypal" only with a
     * capital I, "ΗΑΤ" for "hat" only in Greek capitals. Mapped again after folding, because names ignore case:
     * "SC0PE ROOM" passes for "SCOPE ROOM", the same room as "scope room". Folding first instead would make every "i"
     * an "l" ("mail" and "mall" one name), so two spellings of one case-insensitive name may have different
     * skeletons ("KIM" and "Kim"): the key stays unique beside it. Not for display: a skeleton mixes scripts freely.
     */
    public static String skeleton(String name) {
        String current = name;
        // ICU4J 78's data settles every single character within four rounds; the bound only guards against a cycle.
        for (int round = 0; round < MAX_SKELETON_ROUNDS; round++) {
            String next = Normalizer.normalize(UCharacter.foldCase(CONFUSABLES.getSkeleton(current), true),
                    Normalizer.Form.NFD);
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    /**
     * Format characters (zero-width spaces, joiners, bidi controls, soft hyphens…) and the blank-looking letters.
     * A zero-width joiner between two pictographs is allowed: it is how emoji such as a family are written.
     */
    private static boolean isInvisible(int[] cps, int i) {
        int cp = cps[i];
        if (cp == ZERO_WIDTH_JOINER) {
            return !(i > 0 && i + 1 < cps.length && isPictograph(cps[i - 1]) && isPictograph(cps[i + 1]));
        }
        if (Character.getType(cp) == Character.FORMAT) {
            return true;
        }
        return switch (cp) {
            // Hangul fillers, the Mongolian vowel separator, the Braille blank, the Khmer inherent vowels, the combining
            // grapheme joiner: letters or marks that show nothing
            case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x180E, 0x2800, 0x17B4, 0x17B5, 0x034F -> true;
            default -> false;
        };
    }

    private static boolean isPictograph(int cp) {
        return Character.isExtendedPictographic(cp) || Character.isEmojiModifier(cp);
    }

    private static boolean mixesScripts(String word) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        word.codePoints().mapToObj(UnicodeScript::of).filter(s -> !NEUTRAL.contains(s)).forEach(scripts::add);
        if (scripts.size() <= 1) {
            return false;
        }
        return ALLOWED_MIXES.stream().noneMatch(allowed -> allowed.containsAll(scripts));
    }
}
