package cn.edu.xietong.directory;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The whole pinyin of a name without tones or spaces (王伟 → wangwei, 吕娜 → lvna), so that a search for "wangw" finds
 * 王伟 as a pinyin input method would (A5). Kept with the person as a search key ({@link Person}), never worked out
 * per query. Latin letters and digits are kept lower-case; other characters are dropped; a character with several
 * readings counts with its first, as in {@link PinyinInitials}.
 */
public final class PinyinSpelling {

    /** The longest key stored (the column's size). */
    public static final int MAX = 255;

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private PinyinSpelling() {
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder spelling = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c < 128) {
                if (Character.isLetterOrDigit(c)) {
                    spelling.append(Character.toLowerCase(c));
                }
                continue;
            }
            String[] readings;
            try {
                readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            } catch (BadHanyuPinyinOutputFormatCombination impossible) {
                throw new IllegalStateException(impossible);
            }
            if (readings != null && readings.length > 0) {
                spelling.append(readings[0]);
            }
        }
        return spelling.length() > MAX ? spelling.substring(0, MAX) : spelling.toString();
    }
}
