package cn.edu.xietong.directory;

import net.sourceforge.pinyin4j.PinyinHelper;

import java.util.Locale;

/**
 * The pinyin initials of a name (王伟 → ww, 欧阳娜娜 → oynn), by which colleagues look each other up the way Chinese
 * input methods taught them to (O3.1). Latin letters and digits are kept lower-case; other characters are dropped. A
 * character with several readings counts with its first (a rare mismatch only makes a search less helpful).
 */
public final class PinyinInitials {

    private PinyinInitials() {
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder initials = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c < 128) {
                if (Character.isLetterOrDigit(c)) {
                    initials.append(Character.toLowerCase(c));
                }
                continue;
            }
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
            if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
                initials.append(readings[0].toLowerCase(Locale.ROOT).charAt(0));
            }
        }
        return initials.length() > 64 ? initials.substring(0, 64) : initials.toString();
    }
}
