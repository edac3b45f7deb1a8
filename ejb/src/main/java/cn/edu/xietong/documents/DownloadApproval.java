package cn.edu.xietong.documents;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One person's request for one download of one version of a controlled document (S4), and its way: asked with a
 * reason and decided by the approval flow; approved, it is good for exactly one download until it runs out; rejected
 * or withdrawn in its flow, it allows nothing. Its own state machine: every change is one of the methods below.
 */
@Entity
@Table(name = "download_approval")
@NamedQuery(name = DownloadApproval.OF_REQUESTER, query = "select a from DownloadApproval a"
        + " where a.requester.id = :person and a.version.id = :version order by a.requestedAt desc")
@NamedQuery(name = DownloadApproval.OF_INSTANCE, query = "select a from DownloadApproval a"
        + " where a.instanceId = :instance")
public class DownloadApproval {

    public static final String OF_REQUESTER = "DownloadApproval.ofRequester";
    public static final String OF_INSTANCE = "DownloadApproval.ofInstance";
    public static final int MAX_REASON = 1000;

    /** Where a request stands. */
    public enum State {
        REQUESTED, APPROVED, REJECTED, WITHDRAWN, USED
    }

    @Id
    @SequenceGenerator(name = "download_approval_seq", sequenceName = "download_approval_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "download_approval_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "version_id", nullable = false, updatable = false)
    private DocumentVersion version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "requester_id", nullable = false, updatable = false)
    private Person requester;

    @Column(nullable = false, updatable = false, length = MAX_REASON)
    private String reason;

    @Column(name = "instance_id")
    private Long instanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state = State.REQUESTED;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "used_at")
    private Instant usedAt;

    @Version
    @Column(name = "version")
    private long optimistic;

    protected DownloadApproval() {
    }

    DownloadApproval(DocumentVersion version, Person requester, String reason, Instant at) {
        this.version = Objects.requireNonNull(version);
        this.requester = Objects.requireNonNull(requester);
        this.reason = Objects.requireNonNull(reason);
        this.requestedAt = Objects.requireNonNull(at);
    }

    void started(long instanceId) {
        this.instanceId = instanceId;
    }

    /** The flow approved: one download, until {@code window} has passed. */
    void approved(Instant at, Duration window) {
        if (state == State.REQUESTED) {
            state = State.APPROVED;
            decidedAt = at;
            validUntil = at.plus(window);
        }
    }

    /** The flow rejected it, or its requester withdrew it: it allows nothing. */
    void closed(State outcome, Instant at) {
        if (state == State.REQUESTED) {
            state = outcome;
            decidedAt = at;
        }
    }

    /** Whether it allows a download now. */
    public boolean usableAt(Instant now) {
        return state == State.APPROVED && now.isBefore(validUntil);
    }

    /** Whether it waits for its flow. */
    public boolean pending() {
        return state == State.REQUESTED;
    }

    /**
     * Spends it on a download (once).
     *
     * @throws DomainException {@code document.controlled.approvalExpired} once it ran out,
     *                         {@code document.controlled.needsApproval} when it allows nothing (any more)
     */
    void use(Instant now) {
        if (state == State.APPROVED && !now.isBefore(validUntil)) {
            throw new DomainException("document.controlled.approvalExpired");
        }
        if (state != State.APPROVED) {
            throw new DomainException("document.controlled.needsApproval");
        }
        state = State.USED;
        usedAt = now;
    }

    public Long getId() {
        return id;
    }

    public DocumentVersion getVersion() {
        return version;
    }

    public Person getRequester() {
        return requester;
    }

    public String getReason() {
        return reason;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public State getState() {
        return state;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public Instant getValidUntil() {
        return validUntil;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
