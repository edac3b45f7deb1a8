package cn.edu.xietong.mailbox;

import java.io.Serializable;
import java.util.Objects;

/**
 * An address as a page submits it (A5): how (to, cc, bcc), what (person, unit, unit leaders, group) and its key — a
 * person's login name, a unit's or a group's id. The service resolves it; a key that names nothing is refused.
 */
public record Recipient(AddressKind kind, AddressTarget target, String key) implements Serializable {

    public Recipient {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(target);
        Objects.requireNonNull(key);
    }

    public static Recipient person(AddressKind kind, String login) {
        return new Recipient(kind, AddressTarget.PERSON, login);
    }
}
