package cn.edu.xietong.it.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.Deployments;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.AccountRequest;
import cn.edu.xietong.security.AccountRequests;
import cn.edu.xietong.security.AccountService;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.LoginResult;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.2: a new account exists only once the requested unit's IT staff approve; a rejection's reason is shown. */
@ExtendWith(ArquillianExtension.class)
class AccountRequestIT {

    private static final String PASSWORD = "Request#Flow2026";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(AccountRequestIT.class);
    }

    @EJB
    private AccountRequests requests;

    @EJB
    private AccountService accounts;

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
        Person existing = data.person(PASSWORD, cheap);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> requests.request("1bad name", " ", null, "not-mail"));
        assertEquals(List.of("request.login.invalid", "request.name.invalid", "request.email.invalid",
                "request.unit.unknown"), refused.problems());
        assertEquals(List.of("request.login.taken"), assertThrows(InvalidInputException.class,
                () -> requests.request(existing.getLogin(), "重名", existing.getUnit().getId(), "a@test.example"))
                .problems());
        String login = newLogin();
        requests.request(login, "甲", existing.getUnit().getId(), "a@test.example");
        assertEquals(List.of("request.login.taken"), assertThrows(InvalidInputException.class,
                () -> requests.request(login, "乙", existing.getUnit().getId(), "b@test.example")).problems(),
                "a name already requested is taken too");
    }
}
