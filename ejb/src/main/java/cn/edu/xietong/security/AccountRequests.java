package cn.edu.xietong.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.DirectoryService;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitScope;
import cn.edu.xietong.shared.DisplayText;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * New accounts (O3.2): anyone may request one for themselves (or a unit's IT staff for a newcomer); it becomes an
 * account only when the UNIT_IT of the requested unit (or of a unit above it) approves. The approver receives a
 * temporary password, shown once, which the person must change at the first login (S2). A rejection carries a
 * reason the requester sees with the request's number.
 */
@Stateless
public class AccountRequests {


    @PersistenceContext
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    /**
     * Files a request. Nothing is created while any field is wrong.
     *
     * @return the request, whose id the requester keeps to follow it
     * @throws InvalidInputException with the keys of every problem: {@code request.login.invalid},
     *                               {@code request.login.taken}, {@code request.name.invalid},
     *                               {@code request.email.invalid}, {@code request.unit.unknown}
     */
    @PermitAll
    public AccountRequest request(String login, String fullName, Long unitId, String email) {
        String name = Person.normaliseLogin(login);
        List<String> problems = new ArrayList<>();
        if (!Person.validLogin(name)) {
            problems.add("request.login.invalid");
        } else if (loginTaken(name)) {
            problems.add("request.login.taken");
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
        String by = authenticatedCaller().orElse(null);
        AccountRequest request = new AccountRequest(name, DisplayText.clean(fullName), unit, email.strip(), by, Instant.now());
        em.persist(request);
        em.flush();
        audit.record(AuditEvent.ACCOUNT_REQUEST, AuditOutcome.SUCCESS, by != null ? by : name, null,
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
     * Approves a request: the account is created, active, with a temporary password that must be changed at the
     * first login; the password is returned once, for the approver to hand over.
     *
     * @throws EJBAccessException when the caller is not UNIT_IT of the request's unit
     * @throws InvalidInputException {@code request.decided} or {@code request.login.taken}
     */
    @RolesAllowed("UNIT_IT")
    public String approve(long id) {
        AccountRequest request = decidable(id);
        if (loginTakenByPerson(request.getLogin())) {
            throw new InvalidInputException(List.of("request.login.taken"));
        }
        Instant now = Instant.now();
        request.approve(caller().getLogin(), now);
        Person person = new Person(request.getLogin(), request.getFullName(), request.getUnit(), request.getEmail(), now);
        String temporary = AccountAdministration.temporaryPassword();
        PasswordPolicy policy = em.find(PasswordPolicy.class, PasswordPolicy.ID);
        person.resetPassword(PasswordHasher.current().hash(temporary.toCharArray()), now, policy.getHistorySize());
        em.persist(person);
        audit.record(AuditEvent.ACCOUNT_APPROVE, AuditOutcome.SUCCESS, caller().getLogin(), null,
                "request " + id + ": " + request.getLogin() + " in " + request.getUnit().getCode());
        return temporary;
    }

    /**
     * Rejects a request with a reason the requester will read.
     *
     * @throws InvalidInputException {@code request.reasonRequired} or {@code request.decided}
     */
    @RolesAllowed("UNIT_IT")
    public void reject(long id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException(List.of("request.reasonRequired"));
        }
        AccountRequest request = decidable(id);
        request.reject(caller().getLogin(), Instant.now(), reason.strip());
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

    private boolean loginTaken(String login) {
        return loginTakenByPerson(login)
                || em.createNamedQuery(AccountRequest.PENDING_FOR_LOGIN, Long.class).setParameter("login", login)
                .getSingleResult() > 0;
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
