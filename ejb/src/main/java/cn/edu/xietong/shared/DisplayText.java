package cn.edu.xietong.shared;

import java.util.Optional;

/**
 * A name or title as a person types it (S3: no one passes themselves off or damages what others read), checked the
 * same way wherever one is taken: people's names, units, posts, forms and flows, field labels, account requests.
 * <ul>
 * <li>Direction controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are removed everywhere, so a stored
 * name can never render reversed or reorder the text around it.</li>
 * <li>Invisible characters — whitespace of every kind, control characters and format characters such as the
 * zero-width spaces U+200B–U+200D, U+2060 and U+FEFF, and the blank fillers U+3164, U+115F, U+1160, U+FFA0 and
 * U+2800 — are removed from both ends; inside a name they stay (a
 * zero-width joiner belongs to some scripts and emoji), control characters excepted.</li>
 * <li>A name that has nothing visible left is no name; one longer than its limit is refused, never cut.</li>
 * </ul>
 */
public final class DisplayText {

    private DisplayText() {
    }

    /**
     * The name as it is stored: direction controls and control characters removed, invisible characters stripped
     * from both ends; empty when nothing visible is left or it is longer than {@code maxLength}.
     */
    public static Optional<String> name(String typed, int maxLength) {
        String clean = clean(typed);
        return clean.isEmpty() || clean.length() > maxLength ? Optional.empty() : Optional.of(clean);
    }

    /** Like {@link #name} for a name that may be left out (an English name, a holiday's name): empty gives "". */
    public static Optional<String> optionalName(String typed, int maxLength) {
        String clean = clean(typed);
        return clean.length() > maxLength ? Optional.empty() : Optional.of(clean);
    }

    /** Whether {@code typed} holds anything a reader can see. */
    public static boolean isVisible(String typed) {
        return !clean(typed).isEmpty();
    }

    /** Direction controls and control characters removed, invisible characters stripped from both ends. */
    public static String clean(String typed) {
        if (typed == null) {
            return "";
        }
        int[] kept = typed.codePoints().filter(c -> !directionControl(c) && !control(c)).toArray();
        int start = 0;
        int end = kept.length;
        while (start < end && invisible(kept[start])) {
            start++;
        }
        while (end > start && invisible(kept[end - 1])) {
            end--;
        }
        return new String(kept, start, end - start);
    }

    /** Characters that change the direction of the text around them (Unicode bidirectional formatting). */
    public static boolean directionControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C;
    }

    /** Control characters other than the whitespace ones, which are stripped at the ends like other whitespace. */
    private static boolean control(int c) {
        return Character.isISOControl(c) && !Character.isWhitespace(c);
    }

    /** Characters that print nothing: whitespace and separators of every kind, controls, format characters. */
    static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || c == 0x3164 || c == 0x115F || c == 0x1160
                || c == 0xFFA0 || c == 0x2800;
    }
}
