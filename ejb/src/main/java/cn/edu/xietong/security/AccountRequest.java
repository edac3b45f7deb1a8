package cn.edu.xietong.security;

import cn.edu.xietong.directory.Unit;
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

import java.time.Instant;
import java.util.Objects;

/**
 * A request for a new account (O3.2), made by the person or by their unit's IT staff. It is decided once, by the
 * UNIT_IT of the requested unit: approved (the account is created) or rejected with a reason the requester sees.
 */
@Entity
@Table(name = "account_request")
@NamedQuery(name = AccountRequest.PENDING_IN_UNITS,
        query = "select r from AccountRequest r where r.status = cn.edu.xietong.security.AccountRequest.Status.PENDING"
                + " and r.unit.id in :units order by r.requestedAt")
@NamedQuery(name = AccountRequest.PENDING_FOR_LOGIN,
        query = "select count(r) from AccountRequest r where r.login = :login"
                + " and r.status = cn.edu.xietong.security.AccountRequest.Status.PENDING")
public class AccountRequest {

    public static final String PENDING_IN_UNITS = "AccountRequest.pendingInUnits";
    public static final String PENDING_FOR_LOGIN = "AccountRequest.pendingForLogin";

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @SequenceGenerator(name = "account_request_seq", sequenceName = "account_request_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_request_seq")
    private Long id;

    @Column(nullable = false, length = 64)
    private String login;

    @Column(name = "full_name", nullable = false, length = 64)
    private String fullName;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(name = "requested_by", length = 64)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(length = 500)
    private String reason;

    @Version
    private long version;

    protected AccountRequest() {
    }

    AccountRequest(String login, String fullName, Unit unit, String email, String requestedBy, Instant at) {
        this.login = login;
        this.fullName = fullName;
        this.unit = Objects.requireNonNull(unit);
        this.email = email;
        this.requestedBy = requestedBy;
        this.requestedAt = at;
        this.status = Status.PENDING;
    }

    void approve(String by, Instant at) {
        decide(Status.APPROVED, by, at, null);
    }

    void reject(String by, Instant at, String why) {
        decide(Status.REJECTED, by, at, Objects.requireNonNull(why));
    }

    private void decide(Status outcome, String by, Instant at, String why) {
        if (status != Status.PENDING) {
            throw new IllegalStateException("request " + id + " is already " + status);
        }
        status = outcome;
        decidedBy = by;
        decidedAt = at;
        reason = why;
    }

    public Long getId() {
        return id;
    }

    public String getLogin() {
        return login;
    }

    public String getFullName() {
        return fullName;
    }

    public Unit getUnit() {
        return unit;
    }

    public String getEmail() {
        return email;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getReason() {
        return reason;
    }
}
