package cn.edu.xietong.shared;

import java.util.Locale;

/**
 * The one way a search turns typed words into a LIKE pattern (with {@code escape '\'}): lower case, trimmed, the
 * wildcards a person types ({@code %}, {@code _}) searched as text, and the pattern bound as a parameter, never
 * concatenated into a query.
 */
public final class Like {

    private Like() {
    }

    /** A pattern matching any text that contains the words, whatever their case. */
    public static String containing(String words) {
        String text = words.strip().toLowerCase(Locale.ROOT);
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
