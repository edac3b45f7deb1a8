package cn.edu.xietong.mailbox;

import cn.edu.xietong.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The mailbox policy (A4, O2.1), one row set by the system administrator: the quota everyone has unless given
 * another ({@link MailQuota}), the share of it at which people are asked to clean up, and after how many days the
 * weekly cleanup empties mail out of the trash.
 */
@Entity
@Table(name = "mailbox_policy")
public class MailboxPolicy {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "default_quota_mb", nullable = false)
    private int defaultQuotaMb;

    @Column(name = "warn_percent", nullable = false)
    private int warnPercent;

    @Column(name = "trash_days", nullable = false)
    private int trashDays;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "changed_by", length = 64)
    private String changedBy;

    protected MailboxPolicy() {
    }

    /** New values: a quota of 1 MB to 1 TB, a warning at 50–99 %, the trash kept 1–3,650 days. */
    public void change(int defaultQuotaMb, int warnPercent, int trashDays, Instant at, String by) {
        requireQuota(defaultQuotaMb);
        if (warnPercent < 50 || warnPercent > 99) {
            throw new DomainException("mailbox.policy.badWarn");
        }
        if (trashDays < 1 || trashDays > 3650) {
            throw new DomainException("mailbox.policy.badTrashDays");
        }
        this.defaultQuotaMb = defaultQuotaMb;
        this.warnPercent = warnPercent;
        this.trashDays = trashDays;
        this.changedAt = at;
        this.changedBy = by;
    }

    static void requireQuota(int mb) {
        if (mb < 1 || mb > 1_048_576) {
            throw new DomainException("mailbox.policy.badQuota");
        }
    }

    public int getDefaultQuotaMb() {
        return defaultQuotaMb;
    }

    public int getWarnPercent() {
        return warnPercent;
    }

    public int getTrashDays() {
        return trashDays;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }
}
