package cn.edu.xietong.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One event of the audit trail (S5). Immutable once made: no setters, and its hash covers every field and the hash of
 * the record before it, so changing, removing or reordering any record breaks the chain from there on.
 */
@Entity
@Table(name = "audit_record")
@NamedQuery(name = AuditRecord.CHAIN, query = "select r from AuditRecord r where r.seq > :after order by r.seq")
public class AuditRecord {

    static final String CHAIN = "AuditRecord.chain";
    static final int DETAIL_MAX = 1000;

    @Id
    private long seq;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private AuditEvent event;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AuditOutcome outcome;

    @Column(name = "actor_login", length = 64)
    private String actorLogin;

    @Column(name = "actor_unit", length = 32)
    private String actorUnit;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(length = DETAIL_MAX)
    private String detail;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, length = 64)
    private String hash;

    /** Base64 Ed25519 signature of {@link AuditSignatures#record} by the server's trail key; set before the commit. */
    @Column(length = 120)
    private String signature;

    protected AuditRecord() {
    }

    /**
     * The record that follows {@code prevSeq}/{@code prevHash}. The time is kept to the millisecond, which every
     * database stores exactly, so the hash can be recomputed from what was read back.
     */
    AuditRecord(long prevSeq, String prevHash, Instant occurredAt, AuditEvent event, AuditOutcome outcome,
                String actorLogin, String actorUnit, String clientAddress, String detail) {
        this.seq = prevSeq + 1;
        this.prevHash = Objects.requireNonNull(prevHash, "prevHash");
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        this.event = Objects.requireNonNull(event, "event");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.actorLogin = clip(actorLogin, 64);
        this.actorUnit = clip(actorUnit, 32);
        this.clientAddress = clip(clientAddress, 64);
        this.detail = clip(detail, DETAIL_MAX);
        this.hash = computeHash();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** SHA-256 over every field and the previous hash, each field length-prefixed so no two records collide. */
    String computeHash() {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[]{seq, occurredAt.toEpochMilli(), event, outcome, actorLogin, actorUnit,
                clientAddress, detail, prevHash}) {
            String text = field == null ? "" : field.toString();
            canonical.append(field == null ? -1 : text.length()).append(':').append(text).append('|');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Signs the record, once, with the server's key. */
    void sign(String signatureBase64) {
        if (signature != null) {
            throw new IllegalStateException("audit record " + seq + " is already signed");
        }
        signature = signatureBase64;
    }

    /** True if this record's own hash still matches its content. */
    boolean intact() {
        return hash.equals(computeHash());
    }

    public long getSeq() {
        return seq;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public AuditEvent getEvent() {
        return event;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getActorLogin() {
        return actorLogin;
    }

    public String getActorUnit() {
        return actorUnit;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public String getDetail() {
        return detail;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }

    public String getSignature() {
        return signature;
    }
}
