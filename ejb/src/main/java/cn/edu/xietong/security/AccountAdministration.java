package cn.edu.xietong.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.shared.Reason;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Account actions (O2.6): deactivate and reactivate, move between units, reset a password. Each is kept in the
 * person's history (who, when, before → after, why) and in the audit trail (S5). The system administrator takes them
 * for ordinary accounts, the security administrator for the accounts of the three administrators, and nobody for their
 * own ({@link AccountKeeper}, 三员; S2, S3): every other attempt is refused, changes nothing and is audited as denied.
 * Roles and rights are not here: they are the security administrator's (separation of duties).
 */
@Stateless
@RolesAllowed({"SYS_ADMIN", "SECURITY_ADMIN"})
public class AccountAdministration {

    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+-=@";
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    /**
     * Deactivates an account: the person can no longer log in, and their sessions end at their next request; their
     * record stays, and a leaver report against them is settled.
     *
     * @throws InvalidInputException {@code account.reasonRequired}, {@code account.alreadyInactive}, and those of
     *                               {@link #kept}
     */
    public void deactivate(String login, @Reason(message = "account.reasonRequired") String reason) {
        Person person = kept(login, AuditEvent.ACCOUNT_DEACTIVATE);
        if (!person.isActive()) {
            throw new InvalidInputException(List.of("account.alreadyInactive"));
        }
        person.deactivate();
        SessionRecord.endSessions(em, person, SessionEnd.DEACTIVATED);
        MembershipReview.current(em, person).deactivated(); // settles a leaver report (O3.2)
        changed(person, PersonChange.Kind.DEACTIVATE, "active", "deactivated", reason.strip(),
                AuditEvent.ACCOUNT_DEACTIVATE);
    }

    /** @throws InvalidInputException {@code account.alreadyActive}, and those of {@link #kept} */
    public void reactivate(String login, String reason) {
        Person person = kept(login, AuditEvent.ACCOUNT_REACTIVATE);
        if (person.isActive()) {
            throw new InvalidInputException(List.of("account.alreadyActive"));
        }
        person.reactivate();
        changed(person, PersonChange.Kind.REACTIVATE, "deactivated", "active", blankToNull(reason),
                AuditEvent.ACCOUNT_REACTIVATE);
    }

    /**
     * Moves a person to another primary unit; the move confirms their membership of it and settles a leaver report
     * (O3.2).
     *
     * @throws InvalidInputException {@code account.sameUnit}, {@code account.unknownUnit}, and those of {@link #kept}
     */
    public void move(String login, long unitId, String reason) {
        Person person = kept(login, AuditEvent.ACCOUNT_MOVE);
        Unit target = em.find(Unit.class, unitId);
        if (target == null) {
            throw new InvalidInputException(List.of("account.unknownUnit"));
        }
        if (target.getId().equals(person.getUnit().getId())) {
            throw new InvalidInputException(List.of("account.sameUnit"));
        }
        String before = person.getUnit().getCode();
        person.moveTo(target);
        MembershipReview.forChange(em, person).moved(clock.now(), caller()); // confirmed for the new unit (O3.2)
        changed(person, PersonChange.Kind.MOVE, before, target.getCode(), blankToNull(reason), AuditEvent.ACCOUNT_MOVE);
    }

    /**
     * Gives the person a new random password that they must change at their next login, and returns it once, for
     * the administrator to hand over. It is never stored in clear. The person's sessions end at their next request.
     *
     * @throws InvalidInputException those of {@link #kept}
     */
    public String resetPassword(String login) {
        Person person = kept(login, AuditEvent.PASSWORD_RESET);
        String temporary = temporaryPassword();
        PasswordPolicy policy = em.find(PasswordPolicy.class, PasswordPolicy.ID);
        Credential.resetPassword(em, person, PasswordHasher.current().hash(temporary.toCharArray()), clock.now(),
                policy.getHistorySize());
        changed(person, PersonChange.Kind.PASSWORD_RESET, null, "must change at next login", null,
                AuditEvent.PASSWORD_RESET);
        return temporary;
    }

    /**
     * Whether the caller may reset, deactivate, reactivate and move this account (so the account page offers the
     * actions to the right administrator only); false for an unknown account.
     */
    public boolean mayAdminister(String login) {
        return Person.byLogin(em, login == null ? "" : login)
                .map(p -> AccountKeeper.refusal(caller(), this::callerHolds, p).isEmpty()).orElse(false);
    }

    /** The person's account history, newest first (both administrators read it, whoever keeps the account). */
    public List<PersonChange> history(String login) {
        return em.createNamedQuery(PersonChange.OF_PERSON, PersonChange.class)
                .setParameter("person", find(login)).getResultList();
    }

    /** 14 characters from all four classes, without look-alikes (0/O, 1/l/I). */
    public static String temporaryPassword() {
        List<Character> chars = new ArrayList<>();
        for (String pool : new String[]{LOWER, LOWER, LOWER, LOWER, UPPER, UPPER, UPPER, UPPER, DIGITS, DIGITS,
                DIGITS, SYMBOLS, SYMBOLS, LOWER + UPPER + DIGITS}) {
            chars.add(pool.charAt(RANDOM.nextInt(pool.length())));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder password = new StringBuilder();
        chars.forEach(password::append);
        return password.toString();
    }

    private void changed(Person person, PersonChange.Kind kind, String before, String after, String reason,
                         AuditEvent event) {
        em.persist(new PersonChange(person, clock.now(), caller(), kind, before, after, reason));
        audit.record(event, AuditOutcome.SUCCESS, caller(), null, person.getLogin()
                + (before == null ? "" : ": " + before + " -> " + after) + (reason == null ? "" : " (" + reason + ")"));
    }

    /**
     * The account, if the caller keeps it ({@link AccountKeeper}); otherwise the refusal is audited (it outlives the
     * rolled-back transaction) and thrown.
     *
     * @throws InvalidInputException {@code account.unknown}, {@code account.notSelf},
     *                               {@code account.keptBySecurityAdmin}, {@code account.keptBySystemAdmin}
     */
    private Person kept(String login, AuditEvent event) {
        Person person = find(login);
        AccountKeeper.refusal(caller(), this::callerHolds, person).ifPresent(refusal -> {
            audit.record(event, AuditOutcome.DENIED, caller(), null, person.getLogin() + ": " + refusal);
            throw new InvalidInputException(List.of(refusal));
        });
        return person;
    }

    private boolean callerHolds(Role role) {
        return context.isCallerInRole(role.name());
    }

    private Person find(String login) {
        return Person.byLogin(em, login)
                .orElseThrow(() -> new InvalidInputException(List.of("account.unknown")));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
