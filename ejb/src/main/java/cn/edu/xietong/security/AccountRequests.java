package cn.edu.xietong.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitScope;
import cn.edu.xietong.shared.DisplayText;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.shared.Reason;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * New accounts (O3.2): anyone may request one for themselves (or a unit's IT staff for a newcomer); it becomes an
 * account only when the UNIT_IT of the requested unit (or of a unit above it) approves. The approver receives a
 * temporary password, shown once, which the person must change at the first login (S2). A rejection carries a
 * reason the requester sees with the request's number.
 */
@Stateless
public class AccountRequests {


    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    /** Requests one client address may file without logging in, per hour ({@code xietong.login.accountRequestsPerHour}). */
    private static final int PER_ADDRESS_PER_HOUR = Integer.getInteger("xietong.login.accountRequestsPerHour", 5);

    /** How many requests one client address may file an hour without logging in (5 unless set otherwise). */
    public static int requestsPerAddressPerHour() {
        return PER_ADDRESS_PER_HOUR;
    }

    /** Files a request made inside the system (by a unit's IT staff for a newcomer, or a test): no address limit. */
    @PermitAll
    public AccountRequest request(String login, String fullName, Long unitId, String email) {
        return request(login, fullName, unitId, email, null);
    }

    /**
     * Files a request. Nothing is created while any field is wrong. Whether the user name is taken is not said: the
     * public form would otherwise tell anyone which accounts exist (S2); the reviewing IT staff see it and approve
     * under another name or reject ({@link #withTakenLogin}). A request made without logging in counts against its
     * client address: a few an hour ({@link #requestsPerAddressPerHour}), so that the form cannot be used to flood
     * the reviewers or the database (S3).
     *
     * @param clientAddress where the request comes from, or null for one made inside the system
     * @return the request, whose id the requester keeps to follow it
     * @throws InvalidInputException with the keys of every problem: {@code request.login.invalid},
     *                               {@code request.name.invalid}, {@code request.email.invalid},
     *                               {@code request.unit.unknown}; or {@code request.tooMany}
     */
    @PermitAll
    public AccountRequest request(String login, String fullName, Long unitId, String email, String clientAddress) {
        String name = Person.normaliseLogin(login);
        String by = authenticatedCaller().orElse(null);
        Instant now = clock.now();
        if (by == null && clientAddress != null && em.createNamedQuery(AccountRequest.FROM_ADDRESS_SINCE, Long.class)
                .setParameter("address", clientAddress).setParameter("since", now.minus(Duration.ofHours(1)))
                .getSingleResult() >= PER_ADDRESS_PER_HOUR) {
            audit.record(AuditEvent.ACCOUNT_REQUEST, AuditOutcome.DENIED, name, clientAddress,
                    "more than " + PER_ADDRESS_PER_HOUR + " requests from the address in an hour");
            throw new InvalidInputException(List.of("request.tooMany"));
        }
        List<String> problems = new ArrayList<>();
        if (!Person.validLogin(name)) {
            problems.add("request.login.invalid");
        }
        if (DisplayText.name(fullName, Person.MAX_NAME).isEmpty()) {
            problems.add("request.name.invalid");
        }
        if (!Person.validEmail(email)) {
            problems.add("request.email.invalid");
        }
        Unit unit = unitId == null ? null : em.find(Unit.class, unitId);
        if (unit == null) {
            problems.add("request.unit.unknown");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AccountRequest request = new AccountRequest(name, DisplayText.clean(fullName), unit, email.strip(), by,
                by == null ? clientAddress : null, now);
        em.persist(request);
        em.flush();
        audit.record(AuditEvent.ACCOUNT_REQUEST, AuditOutcome.SUCCESS, by != null ? by : name, clientAddress,
                "request " + request.getId() + " for " + name + " in " + unit.getCode());
        return request;
    }

    /** The units one can ask to join, in tree order of kind and code (the request form's choice). */
    @PermitAll
    public List<Unit> units() {
        return em.createNamedQuery(Unit.ALL, Unit.class).getResultList();
    }

    /** A request as its requester follows it: by number and login name (both must match). */
    @PermitAll
    public Optional<AccountRequest> status(long id, String login) {
        AccountRequest request = em.find(AccountRequest.class, id);
        return request != null && request.getLogin().equals(Person.normaliseLogin(login))
                ? Optional.of(request) : Optional.empty();
    }

    /** The pending requests for the units the caller looks after as UNIT_IT, oldest first. */
    @RolesAllowed("UNIT_IT")
    public List<AccountRequest> pending() {
        List<Long> units = UnitScope.reachOf(em, caller(), Role.UNIT_IT);
        return units.isEmpty() ? List.of()
                : em.createNamedQuery(AccountRequest.PENDING_IN_UNITS, AccountRequest.class)
                .setParameter("units", units).getResultList();
    }

    /**
     * The caller's pending requests (as {@link #pending}) whose user name is taken: an account has it, or an earlier
     * pending request asks for it. The IT staff approve these under another name ({@link #approve(long, String)})
     * or reject them.
     */
    @RolesAllowed("UNIT_IT")
    public Set<Long> withTakenLogin() {
        Set<Long> taken = new HashSet<>();
        for (AccountRequest request : pending()) {
            if (loginTakenByPerson(request.getLogin()) || em.createNamedQuery(AccountRequest.PENDING_FOR_LOGIN_BEFORE,
                            Long.class).setParameter("login", request.getLogin()).setParameter("id", request.getId())
                    .getSingleResult() > 0) {
                taken.add(request.getId());
            }
        }
        return taken;
    }

    /** Approves a request under the user name it asks for ({@link #approve(long, String)}). */
    @RolesAllowed("UNIT_IT")
    public String approve(long id) {
        return approve(id, null);
    }

    /**
     * Approves a request: the account is created, active, with a temporary password that must be changed at the
     * first login; the password is returned once, for the approver to hand over. The requester sees the user name
     * given when following the request.
     *
     * @param login the user name to give, when the requested one is taken; null or blank for the requested one
     * @throws EJBAccessException when the caller is not UNIT_IT of the request's unit
     * @throws InvalidInputException {@code request.decided}, {@code request.login.invalid} or
     *                               {@code request.login.taken}
     */
    @RolesAllowed("UNIT_IT")
    public String approve(long id, String login) {
        AccountRequest request = decidable(id);
        String name = login == null || login.isBlank() ? request.getLogin() : Person.normaliseLogin(login);
        if (!Person.validLogin(name)) {
            throw new InvalidInputException(List.of("request.login.invalid"));
        }
        if (loginTakenByPerson(name)) {
            throw new InvalidInputException(List.of("request.login.taken"));
        }
        Instant now = clock.now();
        request.approve(caller().getLogin(), now, name);
        Person person = new Person(name, request.getFullName(), request.getUnit(), request.getEmail(), now);
        String temporary = AccountAdministration.temporaryPassword();
        PasswordPolicy policy = em.find(PasswordPolicy.class, PasswordPolicy.ID);
        em.persist(person);
        Credential.initial(em, person, PasswordHasher.current().hash(temporary.toCharArray()), now, true);
        audit.record(AuditEvent.ACCOUNT_APPROVE, AuditOutcome.SUCCESS, caller().getLogin(), null,
                "request " + id + ": " + name + (name.equals(request.getLogin()) ? "" : " (asked for " + request.getLogin()
                        + ")") + " in " + request.getUnit().getCode());
        return temporary;
    }

    /**
     * Rejects a request with a reason the requester will read.
     *
     * @throws InvalidInputException {@code request.reasonRequired} or {@code request.decided}
     */
    @RolesAllowed("UNIT_IT")
    public void reject(long id, @Reason(message = "request.reasonRequired") String reason) {
        AccountRequest request = decidable(id);
        request.reject(caller().getLogin(), clock.now(), reason.strip());
        audit.record(AuditEvent.ACCOUNT_REJECT, AuditOutcome.SUCCESS, caller().getLogin(), null,
                "request " + id + ": " + request.getLogin() + " (" + reason.strip() + ")");
    }

    private AccountRequest decidable(long id) {
        AccountRequest request = em.find(AccountRequest.class, id);
        if (request == null || !caller().holdsFor(Role.UNIT_IT, request.getUnit())) {
            throw new EJBAccessException("not UNIT_IT for request " + id);
        }
        if (request.getStatus() != AccountRequest.Status.PENDING) {
            throw new InvalidInputException(List.of("request.decided"));
        }
        return request;
    }

    private boolean loginTakenByPerson(String login) {
        return Person.byLogin(em, login).isPresent();
    }

    private Optional<String> authenticatedCaller() {
        String name = context.getCallerPrincipal().getName();
        return "anonymous".equals(name) ? Optional.empty() : Optional.of(name);
    }

    /** The logged-in person (the directory checks that there is one). */
    private Person caller() {
        return directory.me();
    }
}
