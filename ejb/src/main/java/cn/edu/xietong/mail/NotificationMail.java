package cn.edu.xietong.mail;

import cn.edu.xietong.notification.Notification;

import cn.edu.xietong.shared.Bundles;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The only way the gateway writes a notification's e-mail (C2, S4): the person's name, what happened (the kind's
 * text), the object's own name and a link to it in Xietong, in the person's language or both. Nothing else of the
 * notification is used: not the note that came with it (a return's reason, an urging note), not its arguments, never
 * a form's values or a mail's body, so the content of controlled or confidential objects never leaves in an e-mail.
 * The link's base is {@code -Dxietong.url} (the address staff open Xietong at).
 */
public final class NotificationMail {

    private static final String BUNDLE = "cn.edu.xietong.mail.MailText";

    /** A mail's subject and plain-text body. */
    public record Text(String subject, String body) {
    }

    private NotificationMail() {
    }

    /** The address links in mails start with, without a trailing slash. */
    public static String baseUrl() {
        return System.getProperty("xietong.url", "http://localhost:8080").replaceAll("/+$", "");
    }

    /** The mail about one notification for a person of that name. */
    static Text of(Notification notification, MailKind kind, MailLanguage language, String personName) {
        String name = notification.getSubject() == null ? "—" : notification.getSubject();
        String link = link(kind, notification.getObjectId());
        List<String> subjects = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (Locale locale : language.locales()) {
            ResourceBundle kinds = bundle(kind.textBundle(), locale);
            ResourceBundle mail = bundle(BUNDLE, locale);
            subjects.add(format(kinds.getString(kind.kind() + ".subject"), name));
            bodies.add(format(mail.getString("greeting"), personName) + "\n"
                    + format(kinds.getString(kind.kind() + ".body"), name) + "\n"
                    + format(mail.getString("open"), link) + "\n\n" + mail.getString("footer"));
        }
        return new Text(String.join(" / ", subjects), String.join("\n\n----\n\n", bodies));
    }

    /** The digest's line of one notification, which the held row keeps until the digest gathers it. */
    static Text line(Notification notification, MailKind kind, MailLanguage language) {
        String name = notification.getSubject() == null ? "—" : notification.getSubject();
        List<String> subjects = new ArrayList<>();
        for (Locale locale : language.locales()) {
            subjects.add(format(bundle(kind.textBundle(), locale).getString(kind.kind() + ".subject"), name));
        }
        String subject = String.join(" / ", subjects);
        return new Text(subject, "• " + subject + "\n  " + link(kind, notification.getObjectId()));
    }

    /** One person's daily digest of the held lines. */
    static Text digest(List<OutboxMail> held, MailLanguage language, String personName) {
        List<String> subjects = new ArrayList<>();
        List<String> intros = new ArrayList<>();
        for (Locale locale : language.locales()) {
            ResourceBundle mail = bundle(BUNDLE, locale);
            subjects.add(format(mail.getString("digest.subject"), held.size()));
            intros.add(format(mail.getString("greeting"), personName) + "\n"
                    + format(mail.getString("digest.intro"), held.size()));
        }
        StringBuilder body = new StringBuilder(String.join("\n", intros)).append("\n\n");
        held.forEach(row -> body.append(row.getBody()).append('\n'));
        body.append('\n');
        for (Locale locale : language.locales()) {
            body.append(bundle(BUNDLE, locale).getString("footer")).append('\n');
        }
        return new Text(String.join(" / ", subjects), body.toString().strip());
    }

    static String link(MailKind kind, long objectId) {
        return baseUrl() + MessageFormat.format(kind.linkPath(), Long.toString(objectId));
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        return Bundles.of(name, locale);
    }

    private static String format(String pattern, Object... arguments) {
        return new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }
}
