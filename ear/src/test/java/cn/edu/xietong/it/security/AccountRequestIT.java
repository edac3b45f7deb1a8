package cn.edu.xietong.it.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.AccountRequest;
import cn.edu.xietong.security.AccountRequests;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.LoginResult;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.2: a new account exists only once the requested unit's IT staff approve; a rejection's reason is shown. */
@ExtendWith(ArquillianExtension.class)
class AccountRequestIT {

    private static final String PASSWORD = "Request#Flow2026";

    @EJB
    private AccountRequests requests;

    @EJB
    private Authentication accounts;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private static String newLogin() {
        return "new" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void anApprovedRequestBecomesAnAccountWhosePasswordMustBeChangedFirst() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        String login = newLogin();
        AccountRequest request = requests.request(login, "新教师", unit.getId(), login + "@test.example");
        assertEquals(LoginResult.Outcome.INVALID,
                accounts.logIn(login, "anything".toCharArray(), "192.0.2.80").outcome(), "no account before approval");

        List<AccountRequest> pending = AsPerson.call(it, () -> requests.pending());
        assertEquals(List.of(request.getId()), pending.stream().map(AccountRequest::getId).toList());

        String temporary = AsPerson.call(it, () -> requests.approve(request.getId()));
        LoginResult first = accounts.logIn(login, temporary.toCharArray(), "192.0.2.80");
        assertEquals(LoginResult.Outcome.SUCCESS, first.outcome());
        assertTrue(first.passwordChangeRequired());
        assertEquals(AccountRequest.Status.APPROVED, requests.status(request.getId(), login).orElseThrow().getStatus());
        assertTrue(AsPerson.call(it, () -> requests.pending()).isEmpty());
    }

    @Test
    void aRejectedRequestShowsItsReasonToTheRequesterAndCreatesNothing() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        String login = newLogin();
        AccountRequest request = requests.request(login, "访客", unit.getId(), login + "@test.example");
        assertThrows(InvalidInputException.class, () -> AsPerson.run(it, () -> requests.reject(request.getId(), " ")));
        AsPerson.run(it, () -> requests.reject(request.getId(), "非本单位人员"));

        AccountRequest seen = requests.status(request.getId(), login).orElseThrow();
        assertEquals(AccountRequest.Status.REJECTED, seen.getStatus());
        assertEquals("非本单位人员", seen.getReason());
        assertTrue(requests.status(request.getId(), "someone-else").isEmpty(), "only with the right login name");
        assertEquals(List.of("request.decided"), assertThrows(InvalidInputException.class,
                () -> AsPerson.call(it, () -> requests.approve(request.getId()))).problems());
    }

    @Test
    void onlyTheItStaffOfTheRequestedUnitDecide() throws Exception {
        Unit unit = data.unit();
        Unit other = data.unit();
        Person otherIt = data.personIn(other, PASSWORD, cheap, Role.UNIT_IT);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        String login = newLogin();
        AccountRequest request = requests.request(login, "新同事", unit.getId(), login + "@test.example");

        assertTrue(AsPerson.call(otherIt, () -> requests.pending()).stream().noneMatch(r -> r.getId().equals(request.getId())));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(otherIt, () -> requests.approve(request.getId())));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(leader, () -> requests.approve(request.getId())));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> requests.approve(request.getId())));
        assertEquals(AccountRequest.Status.PENDING, requests.status(request.getId(), login).orElseThrow().getStatus());
    }

    @Test
    void badRequestsAreRefusedWithEveryProblemAndNothingIsFiled() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> requests.request("1bad name", " ", null, "not-mail"));
        assertEquals(List.of("request.login.invalid", "request.name.invalid", "request.email.invalid",
                "request.unit.unknown"), refused.problems());
    }

    /**
     * O3.2, S2: the public request form does not tell whether a user name exists (it would let anyone list the
     * accounts); the reviewing IT staff see that the name is taken, and approve under another name or reject.
     */
    @Test
    void aTakenNameIsAcceptedWithoutSayingSoAndTheItStaffApproveItUnderAnotherName() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person existing = data.personIn(unit, PASSWORD, cheap);
        AccountRequest homonym = requests.request(existing.getLogin(), "重名", unit.getId(), "a@test.example");
        String login = newLogin();
        AccountRequest first = requests.request(login, "甲", unit.getId(), "a@test.example");
        AccountRequest second = requests.request(login, "乙", unit.getId(), "b@test.example");

        Set<Long> taken = AsPerson.call(it, () -> requests.withTakenLogin());
        assertTrue(taken.contains(homonym.getId()), "the name of an existing account");
        assertTrue(taken.contains(second.getId()), "a name an earlier pending request asks for");
        assertFalse(taken.contains(first.getId()));

        assertEquals(List.of("request.login.taken"), assertThrows(InvalidInputException.class,
                () -> AsPerson.call(it, () -> requests.approve(homonym.getId()))).problems());
        assertEquals(List.of("request.login.taken"), assertThrows(InvalidInputException.class,
                () -> AsPerson.call(it, () -> requests.approve(homonym.getId(), existing.getLogin()))).problems());
        String other = newLogin();
        String temporary = AsPerson.call(it, () -> requests.approve(homonym.getId(), other));
        assertEquals(LoginResult.Outcome.SUCCESS,
                accounts.logIn(other, temporary.toCharArray(), "192.0.2.81").outcome());
        AccountRequest seen = requests.status(homonym.getId(), existing.getLogin()).orElseThrow();
        assertEquals(AccountRequest.Status.APPROVED, seen.getStatus());
        assertEquals(other, seen.getGrantedLogin(), "the requester learns the user name given");

        AsPerson.call(it, () -> requests.approve(first.getId()));
        AsPerson.run(it, () -> requests.reject(second.getId(), "用户名已被使用"));
        assertEquals(AccountRequest.Status.REJECTED, requests.status(second.getId(), login).orElseThrow().getStatus());
    }

    /** O3.2, S3: one client address files only a few requests an hour; other addresses are not held back. */
    @Test
    void oneAddressFilesOnlyAFewRequestsAnHour() {
        Unit unit = data.unit();
        int block = 1 + (UUID.randomUUID().hashCode() & 0x7f);
        String address = "198.51.100." + block;
        for (int i = 0; i < AccountRequests.requestsPerAddressPerHour(); i++) {
            String login = newLogin();
            requests.request(login, "访客", unit.getId(), login + "@test.example", address);
        }
        String login = newLogin();
        assertEquals(List.of("request.tooMany"), assertThrows(InvalidInputException.class,
                () -> requests.request(login, "访客", unit.getId(), login + "@test.example", address)).problems());
        assertEquals(AccountRequest.Status.PENDING, requests.request(login, "访客", unit.getId(),
                login + "@test.example", "198.51.100." + (block + 1)).getStatus());
    }
}
