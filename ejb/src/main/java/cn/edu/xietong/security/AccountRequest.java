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
@NamedQuery(name = AccountRequest.PENDING_FOR_LOGIN_BEFORE,
        query = "select count(r) from AccountRequest r where r.login = :login and r.id < :id"
                + " and r.status = cn.edu.xietong.security.AccountRequest.Status.PENDING")
@NamedQuery(name = AccountRequest.FROM_ADDRESS_SINCE,
        query = "select count(r) from AccountRequest r where r.clientAddress = :address and r.requestedAt >= :since")
public class AccountRequest {

    public static final String PENDING_IN_UNITS = "AccountRequest.pendingInUnits";
    public static final String PENDING_FOR_LOGIN_BEFORE = "AccountRequest.pendingForLoginBefore";
    public static final String FROM_ADDRESS_SINCE = "AccountRequest.fromAddressSince";

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

    /** The user name the account was created with: the requested one, or another if that was taken. */
    @Column(name = "granted_login", length = 64)
    private String grantedLogin;

    /** Where a request made without logging in came from (the public form is limited per address). */
    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Version
    private long version;

    protected AccountRequest() {
    }

    AccountRequest(String login, String fullName, Unit unit, String email, String requestedBy, String clientAddress,
                   Instant at) {
        this(login, fullName, unit, email, requestedBy, at);
        this.clientAddress = clientAddress;
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

    /** Approves the request; the account gets {@code login}, the requested user name or another. */
    void approve(String by, Instant at, String login) {
        decide(Status.APPROVED, by, at, null);
        grantedLogin = Objects.requireNonNull(login);
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

    /** The user name given on approval (null before): the requested one or, if that was taken, another. */
    public String getGrantedLogin() {
        return grantedLogin;
    }

    public String getReason() {
        return reason;
    }
}
