package cn.edu.xietong.shared;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The one way the EJB tier reads its own bundles (texts of sheets, mails, values): the reader's language, else the
 * base bundle, which is the English one — never the server's default locale, so an English reader never gets Chinese
 * because the server runs in China.
 */
public final class Bundles {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundles() {
    }

    /** The bundle {@code name} in {@code locale}'s language; English (the base bundle) for English or none. */
    public static ResourceBundle of(String name, Locale locale) {
        Locale wanted = locale == null || Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? Locale.ROOT
                : locale;
        return ResourceBundle.getBundle(name, wanted, Bundles.class.getClassLoader(), NO_FALLBACK);
    }
}
