package cn.edu.xietong.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The system administrator's account actions (O2.6): deactivate and reactivate, move between units, reset a
 * password. Each is kept in the person's history (who, when, before → after, why) and in the audit trail (S5).
 * Roles and rights are not here: they are the security administrator's (separation of duties).
 */
@Stateless
@RolesAllowed("SYS_ADMIN")
public class AccountAdministration {

    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+-=@";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    /**
     * Deactivates an account: the person can no longer log in; their record stays.
     *
     * @throws InvalidInputException {@code account.reasonRequired}, {@code account.notSelf},
     *                               {@code account.alreadyInactive}, {@code account.unknown}
     */
    public void deactivate(String login, String reason) {
        Person person = find(login);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException(List.of("account.reasonRequired"));
        }
        if (person.getLogin().equals(caller())) {
            throw new InvalidInputException(List.of("account.notSelf"));
        }
        if (!person.isActive()) {
            throw new InvalidInputException(List.of("account.alreadyInactive"));
        }
        person.deactivate();
        changed(person, PersonChange.Kind.DEACTIVATE, "active", "deactivated", reason.strip(),
                AuditEvent.ACCOUNT_DEACTIVATE);
    }

    /** @throws InvalidInputException {@code account.alreadyActive}, {@code account.unknown} */
    public void reactivate(String login, String reason) {
        Person person = find(login);
        if (person.isActive()) {
            throw new InvalidInputException(List.of("account.alreadyActive"));
        }
        person.reactivate();
        changed(person, PersonChange.Kind.REACTIVATE, "deactivated", "active", blankToNull(reason),
                AuditEvent.ACCOUNT_REACTIVATE);
    }

    /** @throws InvalidInputException {@code account.sameUnit}, {@code account.unknownUnit}, {@code account.unknown} */
    public void move(String login, long unitId, String reason) {
        Person person = find(login);
        Unit target = em.find(Unit.class, unitId);
        if (target == null) {
            throw new InvalidInputException(List.of("account.unknownUnit"));
        }
        if (target.getId().equals(person.getUnit().getId())) {
            throw new InvalidInputException(List.of("account.sameUnit"));
        }
        String before = person.getUnit().getCode();
        person.moveTo(target, Instant.now(), caller());
        changed(person, PersonChange.Kind.MOVE, before, target.getCode(), blankToNull(reason), AuditEvent.ACCOUNT_MOVE);
    }

    /**
     * Gives the person a new random password that they must change at their next login, and returns it once, for
     * the administrator to hand over. It is never stored in clear.
     */
    public String resetPassword(String login) {
        Person person = find(login);
        String temporary = temporaryPassword();
        PasswordPolicy policy = em.find(PasswordPolicy.class, PasswordPolicy.ID);
        person.resetPassword(PasswordHasher.current().hash(temporary.toCharArray()), Instant.now(),
                policy.getHistorySize());
        changed(person, PersonChange.Kind.PASSWORD_RESET, null, "must change at next login", null,
                AuditEvent.PASSWORD_RESET);
        return temporary;
    }

    /** The person's account history, newest first. */
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
        em.persist(new PersonChange(person, Instant.now(), caller(), kind, before, after, reason));
        audit.record(event, AuditOutcome.SUCCESS, caller(), null, person.getLogin()
                + (before == null ? "" : ": " + before + " -> " + after) + (reason == null ? "" : " (" + reason + ")"));
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
