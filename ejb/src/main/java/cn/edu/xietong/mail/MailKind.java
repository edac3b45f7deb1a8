package cn.edu.xietong.mail;

import cn.edu.xietong.directory.Module;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of notification that may also go to a person's e-mail (C2), as the module that posts it declares it: its
 * module and kind (as {@link cn.edu.xietong.notification.Notification} names them), when it goes by default, the
 * bundle holding its mail text ({@code <kind>.subject} and {@code <kind>.body}, each with the object's name as
 * {@code {0}}), and the page of the object ({@code {0}} is its id). Nothing else of the object reaches the mail (S4).
 */
public record MailKind(Module module, String kind, Delivery byDefault, String textBundle, String linkPath) {

    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{0,31}");

    public MailKind {
        Objects.requireNonNull(module);
        Objects.requireNonNull(byDefault);
        Objects.requireNonNull(textBundle);
        if (!KIND.matcher(Objects.requireNonNull(kind)).matches()) {
            throw new IllegalArgumentException("a kind is up to 32 capitals and underscores: " + kind);
        }
        if (!Objects.requireNonNull(linkPath).startsWith("/")) {
            throw new IllegalArgumentException("a link path starts at the context root: " + linkPath);
        }
    }

    /** How preferences and the outbox name it: {@code FLOWS.TODO}. */
    public String code() {
        return module.name() + "." + kind;
    }
}
