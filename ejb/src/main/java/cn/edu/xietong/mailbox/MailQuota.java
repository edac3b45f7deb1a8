package cn.edu.xietong.mailbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** A person's quota where it differs from the policy's default (A4), set by the system administrator. */
@Entity
@Table(name = "mail_quota")
@NamedQuery(name = MailQuota.ALL, query = "select q from MailQuota q order by q.personId")
public class MailQuota {

    public static final String ALL = "MailQuota.all";

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Column(name = "quota_mb", nullable = false)
    private int quotaMb;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Column(name = "set_by", nullable = false, length = 64)
    private String setBy;

    protected MailQuota() {
    }

    public MailQuota(long personId, int quotaMb, Instant at, String by) {
        this.personId = personId;
        set(quotaMb, at, by);
    }

    public void set(int quotaMb, Instant at, String by) {
        MailboxPolicy.requireQuota(quotaMb);
        this.quotaMb = quotaMb;
        this.setAt = Objects.requireNonNull(at);
        this.setBy = Objects.requireNonNull(by);
    }

    public Long getPersonId() {
        return personId;
    }

    public int getQuotaMb() {
        return quotaMb;
    }

    public Instant getSetAt() {
        return setAt;
    }

    public String getSetBy() {
        return setBy;
    }
}
