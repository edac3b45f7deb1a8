package cn.edu.xietong.mailbox;

import cn.edu.xietong.shared.Bundles;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The few words the mailbox writes into a mail itself (reply and forward prefixes, the quote's header). */
final class MailboxText {

    private static final String BUNDLE = "cn.edu.xietong.mailbox.MailboxText";

    private MailboxText() {
    }

    static String format(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = Bundles.of(BUNDLE, locale);
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
