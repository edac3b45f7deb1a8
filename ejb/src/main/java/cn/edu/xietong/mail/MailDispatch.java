package cn.edu.xietong.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One attempt of the gateway to hand a mail to the SMTP server, and how it went. Written once, never changed. */
@Entity
@Table(name = "mail_dispatch")
@NamedQuery(name = MailDispatch.RECENT, query = "select d from MailDispatch d order by d.attemptedAt desc, d.id desc")
public class MailDispatch {

    public static final String RECENT = "MailDispatch.recent";

    /** Why the mail was sent: a test, or a flow notice (B2: reminder, escalation; A2: urging). */
    public enum Kind { TEST, REMINDER, ESCALATION, URGE }

    public enum Outcome { SENT, FAILED }

    @Id
    @SequenceGenerator(name = "mail_dispatch_seq", sequenceName = "mail_dispatch_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_dispatch_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Kind kind;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(name = "requested_by", nullable = false, length = 64)
    private String requestedBy;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Outcome outcome;

    @Column(length = 1000)
    private String detail;

    protected MailDispatch() {
    }

    MailDispatch(Kind kind, String recipient, String subject, String requestedBy, Instant attemptedAt,
                 Outcome outcome, String detail) {
        this.kind = kind;
        this.recipient = recipient;
        this.subject = subject;
        this.requestedBy = requestedBy;
        this.attemptedAt = attemptedAt;
        this.outcome = outcome;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public boolean isSent() {
        return outcome == Outcome.SENT;
    }

    public String getDetail() {
        return detail;
    }
}
