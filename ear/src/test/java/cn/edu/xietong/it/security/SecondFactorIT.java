package cn.edu.xietong.it.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.security.SessionEnd;
import cn.edu.xietong.security.SessionRecord;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsSecurityAdmin;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.AccountAdministration;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.Base32;
import cn.edu.xietong.security.LoginResult;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.security.PasswordPolicy;
import cn.edu.xietong.security.RecoveryCodeUpgrade;
import cn.edu.xietong.security.SecondFactorEnrolment;
import cn.edu.xietong.security.SecurityPolicies;
import cn.edu.xietong.security.SessionGate;
import cn.edu.xietong.security.SessionStamp;
import cn.edu.xietong.security.Totp;
import cn.edu.xietong.security.UnitRisk;
import cn.edu.xietong.security.UnitSecurityCheck;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S2, S3: the second factor (TOTP and recovery codes), its enrolment and reset, and one session per account. */
@ExtendWith(ArquillianExtension.class)
class SecondFactorIT {

    private static final String PASSWORD = "Second#Factor2026";
    private static final String ADDRESS = "192.0.2.77";

    @EJB
    private SecondFactorEnrolment secondFactors;

    @EJB
    private Authentication accounts;

    @EJB
    private SessionGate sessions;

    @EJB
    private AccountAdministration administration;

    @EJB
    private SecurityPolicies policies;

    @EJB
    private UnitSecurityCheck unitCheck;

    @EJB
    private AsSecurityAdmin securityAdmin;

    @EJB
    private AsSysAdmin sysAdmin;

    @EJB
    private TestData data;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private RecoveryCodeUpgrade recoveryCodeUpgrade;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    /** Enrols the person's second factor as their app would, and returns the secret and the recovery codes. */
    private Enrolled enrol(Person person) throws Exception {
        SecondFactorEnrolment.Enrolment enrolment = AsPerson.call(person, () -> secondFactors.begin());
        byte[] secret = Base32.decode(enrolment.secret());
        assertTrue(enrolment.keyUri().startsWith("otpauth://totp/Xietong:" + person.getLogin() + "?secret="
                + enrolment.secret()), enrolment.keyUri());
        List<String> codes = AsPerson.call(person, () -> secondFactors.confirm(Totp.code(secret, Instant.now())));
        return new Enrolled(secret, codes);
    }

    private record Enrolled(byte[] secret, List<String> recoveryCodes) {
        /** A code the server has not seen yet: the next step's, which the window accepts. */
        String nextCode() {
            return Totp.code(secret, Instant.now().plusSeconds(Totp.STEP_SECONDS));
        }
    }

    @Test
    void enrolledPersonNeedsTheAppsCodeAfterTheRightPasswordAndEachCodeWorksOnce() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        Enrolled enrolled = enrol(person);
        assertEquals(10, enrolled.recoveryCodes().size());
        assertTrue(AsPerson.call(person, () -> secondFactors.status()).isEnrolled());

        LoginResult first = accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS);
        assertEquals(LoginResult.Outcome.SECOND_FACTOR, first.outcome());
        assertTrue(first.authenticated().isEmpty(), "the password alone is not a login");
        assertNotNull(first.challengeTicket());

        assertEquals(LoginResult.Outcome.INVALID,
                accounts.logInSecondStep(first.challengeTicket(), "000000", ADDRESS).outcome());
        String code = enrolled.nextCode();
        LoginResult second = accounts.logInSecondStep(first.challengeTicket(), code, ADDRESS);
        assertEquals(LoginResult.Outcome.SUCCESS, second.outcome());
        assertEquals(person.getLogin(), second.authenticated().orElseThrow().login());
        assertEquals(LoginResult.Outcome.CHALLENGE_EXPIRED,
                accounts.logInSecondStep(first.challengeTicket(), code, ADDRESS).outcome(), "a ticket serves once");

        LoginResult again = accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS);
        assertEquals(LoginResult.Outcome.INVALID,
                accounts.logInSecondStep(again.challengeTicket(), code, ADDRESS).outcome(), "a used code is refused");
    }

    @Test
    void recoveryCodeLogsInOnceWithoutThePhone() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        Enrolled enrolled = enrol(person);
        String recovery = enrolled.recoveryCodes().get(3).toUpperCase();

        LoginResult first = accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS);
        assertEquals(LoginResult.Outcome.SUCCESS,
                accounts.logInSecondStep(first.challengeTicket(), recovery, ADDRESS).outcome());
        assertEquals(9, AsPerson.call(person, () -> secondFactors.status()).getRemainingRecoveryCodes());

        LoginResult again = accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS);
        assertEquals(LoginResult.Outcome.INVALID,
                accounts.logInSecondStep(again.challengeTicket(), recovery, ADDRESS).outcome());
    }

    @Test
    void fiveWrongCodesLockTheAccountLikeWrongPasswords() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        Enrolled enrolled = enrol(person);
        LoginResult first = accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS);
        LoginResult.Outcome last = null;
        for (int i = 0; i < 5; i++) {
            last = accounts.logInSecondStep(first.challengeTicket(), "12345" + i, ADDRESS).outcome();
        }
        assertEquals(LoginResult.Outcome.LOCKED, last);
        assertEquals(LoginResult.Outcome.LOCKED,
                accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS).outcome());
        data.letLockExpire(person.getLogin());
        LoginResult fresh = accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS);
        assertEquals(LoginResult.Outcome.SUCCESS,
                accounts.logInSecondStep(fresh.challengeTicket(), enrolled.nextCode(), ADDRESS).outcome());
    }

    @Test
    void abandonedSecondStepsDoNotPileUp() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        enrol(person);
        data.loginChallenge("a".repeat(64), person.getLogin(), Instant.now().minusSeconds(3600));
        accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS);
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from login_challenge where ticket_hash = ?1")
                .setParameter(1, "a".repeat(64)).getSingleResult()).longValue(), "the hour-old challenge is gone");
    }

    @Test
    void unknownTicketIsRefusedWithoutLoggingAnyoneIn() {
        assertEquals(LoginResult.Outcome.CHALLENGE_EXPIRED,
                accounts.logInSecondStep("f".repeat(64), "123456", ADDRESS).outcome());
        assertEquals(LoginResult.Outcome.CHALLENGE_EXPIRED, accounts.logInSecondStep(null, "123456", ADDRESS).outcome());
    }

    @Test
    void wrongFirstCodeEnrolsNothingAndTheSecretIsNotStoredInClear() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        SecondFactorEnrolment.Enrolment enrolment = AsPerson.call(person, () -> secondFactors.begin());
        InvalidInputException wrong = assertThrows(InvalidInputException.class,
                () -> AsPerson.call(person, () -> secondFactors.confirm("000000")));
        assertEquals(List.of("twoFactor.wrongCode"), wrong.problems());
        assertFalse(AsPerson.call(person, () -> secondFactors.status()).isEnrolled());
        assertEquals(LoginResult.Outcome.SUCCESS,
                accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS).outcome(), "pending is not asked");

        String stored = (String) em.createNativeQuery("select sealed_secret from second_factor where person_id = ?1")
                .setParameter(1, person.getId()).getSingleResult();
        assertFalse(stored.contains(enrolment.secret()));
        assertFalse(new String(java.util.Base64.getDecoder().decode(stored), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(new String(Base32.decode(enrolment.secret()), java.nio.charset.StandardCharsets.ISO_8859_1)));
    }

    @Test
    void privilegedRolesMustEnrolWhilePolicyRequiresItAndCannotSwitchItOff() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person staff = data.personIn(unit, PASSWORD, cheap);
        PasswordPolicy before = accounts.passwordPolicy();
        try {
            securityAdmin.call(() -> policies.updateLoginRules(true, before.isSingleSession()));
            assertTrue(accounts.logIn(it.getLogin(), PASSWORD.toCharArray(), ADDRESS).secondFactorEnrolmentRequired());
            assertFalse(accounts.logIn(staff.getLogin(), PASSWORD.toCharArray(), ADDRESS).secondFactorEnrolmentRequired());
            assertTrue(risksOf(it, unit).contains("risk.noSecondFactor"));

            Enrolled enrolled = enrol(it);
            assertFalse(risksOf(it, unit).contains("risk.noSecondFactor"), "enrolled: no longer a risk");
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> AsPerson.call(it, () -> {
                        secondFactors.disable(enrolled.nextCode());
                        return null;
                    }));
            assertEquals(List.of("twoFactor.required"), refused.problems());

            Enrolled staffs = enrol(staff);
            AsPerson.run(staff, () -> secondFactors.disable(staffs.nextCode()));
            assertEquals(LoginResult.Outcome.SUCCESS,
                    accounts.logIn(staff.getLogin(), PASSWORD.toCharArray(), ADDRESS).outcome());
        } finally {
            securityAdmin.call(() -> policies.updateLoginRules(before.isSecondFactorRequired(), before.isSingleSession()));
        }
    }

    private List<String> risksOf(Person it, Unit unit) throws Exception {
        return AsPerson.call(it, () -> unitCheck.check(unit.getId())).stream()
                .filter(r -> r.person().getLogin().equals(it.getLogin())).findFirst()
                .map(UnitRisk::risks).orElse(List.of());
    }

    @Test
    void securityAdministratorResetsALostSecondFactorOthersCannot() throws Exception {
        Unit unit = data.unit();
        Person person = data.personIn(unit, PASSWORD, cheap);
        Person securityOfficer = data.personIn(data.unit(), PASSWORD, cheap, Role.SECURITY_ADMIN);
        enrol(person);

        assertThrows(EJBAccessException.class, () -> sysAdmin.call(() -> {
            secondFactors.reset(person.getLogin(), "lost phone");
            return null;
        }));
        assertThrows(EJBAccessException.class, () -> AsPerson.run(person, () -> secondFactors.reset(person.getLogin(), null)));
        assertTrue(AsPerson.call(person, () -> secondFactors.status()).isEnrolled(), "refused resets change nothing");

        SessionRecord before = data.sessions(person);
        long epoch = before == null ? 0 : before.getSessionEpoch(); // no record: never logged in, nothing ended yet
        AsPerson.run(securityOfficer, () -> secondFactors.reset(person.getLogin(), "lost phone"));
        assertFalse(AsPerson.call(person, () -> secondFactors.status()).isEnrolled());
        SessionRecord afterReset = data.sessions(person);
        assertEquals(epoch + 1, afterReset.getSessionEpoch(), "whoever holds the lost phone is logged out too");
        assertEquals(SessionEnd.SECOND_FACTOR_RESET, afterReset.getSessionsEndedBy());
        assertEquals(LoginResult.Outcome.SUCCESS,
                accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS).outcome());
        List<PersonChange> history = sysAdmin.call(() -> administration.history(person.getLogin()));
        assertEquals(PersonChange.Kind.SECOND_FACTOR_RESET, history.get(0).getKind());
        assertEquals(securityOfficer.getLogin(), history.get(0).getChangedBy());
    }

    @Test
    void withOneSessionPerAccountANewLoginEndsTheOlderSession() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        PasswordPolicy before = accounts.passwordPolicy();
        try {
            securityAdmin.call(() -> policies.updateLoginRules(before.isSecondFactorRequired(), true));
            SessionStamp older = accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS).session();
            SessionStamp newer = accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS).session();
            assertNotEquals(older.marker(), newer.marker());
            assertEquals(SessionEnd.REPLACED, sessions.check(person.getLogin(), older));
            assertNull(sessions.check(person.getLogin(), newer));

            securityAdmin.call(() -> policies.updateLoginRules(before.isSecondFactorRequired(), false));
            assertNull(sessions.check(person.getLogin(), older), "several sessions allowed again");
        } finally {
            securityAdmin.call(() -> policies.updateLoginRules(before.isSecondFactorRequired(), before.isSingleSession()));
        }
    }

    private static String unsaltedSha256(String recoveryCode) throws Exception {
        String normal = recoveryCode.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(normal.getBytes(StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    private List<String> storedRecoveryHashes(Person person) {
        return em.createNativeQuery("select code_hash from recovery_code where person_id = ?1")
                .setParameter(1, person.getId()).getResultList();
    }

    /**
     * S2: a copy of the database does not let anyone test guesses at recovery codes offline: they are kept keyed
     * (HMAC with a key from the server keystore and a salt of the person's), never as their plain SHA-256, and two
     * people's equal codes would not be stored alike.
     */
    @Test
    void recoveryCodesAreStoredKeyedAndSaltedNotAsTheirPlainHash() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        Enrolled enrolled = enrol(person);
        List<String> stored = storedRecoveryHashes(person);
        assertEquals(10, stored.size());
        for (String code : enrolled.recoveryCodes()) {
            assertFalse(stored.contains(unsaltedSha256(code)), "a recovery code is not stored as its plain SHA-256");
        }
        LoginResult first = accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS);
        assertEquals(LoginResult.Outcome.SUCCESS,
                accounts.logInSecondStep(first.challengeTicket(), enrolled.recoveryCodes().get(0), ADDRESS).outcome());
    }

    /**
     * S2: recovery codes stored before they were keyed (plain SHA-256) are keyed in place at the server's start
     * (their SHA-256 is what gets keyed, so they need not be known), and go on working.
     */
    @Test
    void recoveryCodesOfTheOldUnsaltedFormAreKeyedInPlaceAndStillWork() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        Enrolled enrolled = enrol(person);
        String code = enrolled.recoveryCodes().get(5);
        data.legacyRecoveryCodes(person.getId(), List.of(unsaltedSha256(code)));
        assertEquals(List.of(unsaltedSha256(code)), storedRecoveryHashes(person));

        assertTrue(recoveryCodeUpgrade.keyLegacyCodes() >= 1);
        assertNotEquals(List.of(unsaltedSha256(code)), storedRecoveryHashes(person), "the old row is keyed now");
        LoginResult first = accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS);
        assertEquals(LoginResult.Outcome.SUCCESS,
                accounts.logInSecondStep(first.challengeTicket(), code, ADDRESS).outcome());
        assertEquals(0, AsPerson.call(person, () -> secondFactors.status()).getRemainingRecoveryCodes());
    }

    /**
     * S2: wrong codes given to switch two-step verification off or to make new recovery codes count as failed
     * logins: the fifth locks the account, and while it is locked no code is even checked there.
     */
    @Test
    void wrongCodesOnTheTwoFactorPageCountAsFailedLoginsAndLockTheAccount() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        Enrolled enrolled = enrol(person);
        for (int i = 0; i < 3; i++) {
            String wrong = "00000" + i;
            assertEquals(List.of("twoFactor.wrongCode"), assertThrows(InvalidInputException.class,
                    () -> AsPerson.run(person, () -> secondFactors.disable(wrong))).problems());
        }
        for (int i = 0; i < 2; i++) {
            String wrong = "aaaaa-bbbb" + i;
            assertThrows(InvalidInputException.class,
                    () -> AsPerson.run(person, () -> secondFactors.newRecoveryCodes(wrong)));
        }
        assertEquals(LoginResult.Outcome.LOCKED,
                accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), ADDRESS).outcome());
        assertEquals(List.of("twoFactor.locked"), assertThrows(InvalidInputException.class,
                () -> AsPerson.run(person, () -> secondFactors.newRecoveryCodes(enrolled.nextCode()))).problems(),
                "while locked, not even the right code is checked");
        assertTrue(AsPerson.call(person, () -> secondFactors.status()).isEnrolled());
    }
}
