package cn.edu.xietong.shared;

import java.io.Serializable;
import java.util.Locale;

/**
 * A name kept in Chinese and English: shown in English only to someone reading English, and only where an English
 * name exists; Chinese otherwise (zh_CN is the default language).
 */
public record Bilingual(String zh, String en) implements Serializable {

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : zh;
    }

    @Override
    public String toString() {
        return zh;
    }
}
