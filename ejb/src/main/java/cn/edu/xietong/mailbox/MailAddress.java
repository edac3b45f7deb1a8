package cn.edu.xietong.mailbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;

/**
 * One address line of a mail as its sender wrote it (A5): a person, a unit, a unit's leaders or a group, with the
 * label shown to readers ("王伟 · 计算机学院 · 讲师"), kept as it was when sent.
 */
@Embeddable
public class MailAddress {

    public static final int MAX_LABEL = 300;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private AddressKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AddressTarget target;

    @Column(name = "target_id", nullable = false)
    private long targetId;

    @Column(nullable = false, length = MAX_LABEL)
    private String label;

    protected MailAddress() {
    }

    public MailAddress(AddressKind kind, AddressTarget target, long targetId, String label) {
        this.kind = Objects.requireNonNull(kind);
        this.target = Objects.requireNonNull(target);
        this.targetId = targetId;
        String text = Objects.requireNonNull(label).strip();
        this.label = text.length() > MAX_LABEL ? text.substring(0, MAX_LABEL - 1) + "…" : text;
    }

    public AddressKind getKind() {
        return kind;
    }

    public AddressTarget getTarget() {
        return target;
    }

    public long getTargetId() {
        return targetId;
    }

    public String getLabel() {
        return label;
    }

    boolean sameTarget(MailAddress other) {
        return kind == other.kind && target == other.target && targetId == other.targetId;
    }
}
