package cn.edu.xietong.mail;

import java.util.List;
import java.util.Locale;

/** The language of a person's e-mails: Chinese, English, or both (Chinese first), which is the default. */
public enum MailLanguage {
    ZH(List.of(Locale.SIMPLIFIED_CHINESE)),
    EN(List.of(Locale.ENGLISH)),
    BOTH(List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));

    private final List<Locale> locales;

    MailLanguage(List<Locale> locales) {
        this.locales = locales;
    }

    /** The languages a mail is written in, in order. */
    public List<Locale> locales() {
        return locales;
    }
}
