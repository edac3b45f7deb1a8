package cn.edu.xietong.it.security;

import cn.edu.xietong.audit.AuditLog;
import cn.edu.xietong.audit.AuditQuery;
import cn.edu.xietong.calendar.DayKind;
import cn.edu.xietong.calendar.SpecialDays;
import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Organisation;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.directory.transfer.DirectoryTransfer;
import cn.edu.xietong.directory.transfer.SheetFormat;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.BatchJobs;
import cn.edu.xietong.security.AccountAdministration;
import cn.edu.xietong.security.AccountRequest;
import cn.edu.xietong.security.AccountRequests;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.ModuleRights;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.security.Recertification;
import cn.edu.xietong.security.RoleAdministration;
import cn.edu.xietong.security.SecondFactorEnrolment;
import cn.edu.xietong.security.SecurityPolicies;
import cn.edu.xietong.security.UnitSecurityCheck;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S3, O2.7, 三员: every administrative action, tried by every role that may not take it — unit-scoped roles held for
 * another unit than the object's — is refused by the service itself, and the object is left as it was.
 */
@ExtendWith(ArquillianExtension.class)
class RightsMatrixIT {

    private static final String PASSWORD = "Rights#Matrix2026";

    @EJB private AccountAdministration accounts;
    @EJB private RoleAdministration roles;
    @EJB private SecurityPolicies policies;
    @EJB private SecondFactorEnrolment secondFactors;
    @EJB private ModuleRights modules;
    @EJB private AccountRequests requests;
    @EJB private UnitSecurityCheck unitCheck;
    @EJB private Recertification recertification;
    @EJB private Organisation organisation;
    @EJB private DirectoryTransfer transfer;
    @EJB private SpecialDays calendar;
    @EJB private AuditLog audit;
    @EJB private BatchJobs jobs;
    @EJB private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    /** One administrative action on the unit's objects, and the roles that may take it (for that unit). */
    private record Action(String name, Set<Role> allowed, AsPerson.ThrowingRunnable call) {
    }

    @Test
    void everyRoleWithoutTheRightIsRefusedEveryAdministrativeActionOnAnotherUnitsObjects() throws Exception {
        Unit unit = data.unit();
        Unit elsewhere = data.unit();
        Person target = data.personIn(unit, PASSWORD, cheap);
        AccountRequest request = requests.request("rq" + UUID.randomUUID().toString().substring(0, 10), "申请人",
                unit.getId(), "rq@example.edu.cn");
        byte[] staffFile = "login,name,unit_code,email\nx1,某,CS,\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        List<Action> actions = List.of(
                new Action("deactivate", EnumSet.of(Role.SYS_ADMIN), () -> accounts.deactivate(target.getLogin(), "x")),
                new Action("reset password", EnumSet.of(Role.SYS_ADMIN), () -> accounts.resetPassword(target.getLogin())),
                new Action("move", EnumSet.of(Role.SYS_ADMIN), () -> accounts.move(target.getLogin(), elsewhere.getId(), null)),
                new Action("grant role", EnumSet.of(Role.SECURITY_ADMIN),
                        () -> roles.grant(target.getLogin(), Role.SUPERVISOR, null)),
                new Action("password policy", EnumSet.of(Role.SECURITY_ADMIN),
                        () -> policies.updatePasswordPolicy(8, 3, 5, 90, 60, 7)),
                new Action("login rules", EnumSet.of(Role.SECURITY_ADMIN), () -> policies.updateLoginRules(true, true)),
                new Action("reset two-step verification", EnumSet.of(Role.SECURITY_ADMIN),
                        () -> secondFactors.reset(target.getLogin(), null)),
                new Action("module rights", EnumSet.of(Role.SYS_ADMIN),
                        () -> modules.allow(unit.getId(), EnumSet.noneOf(Module.class))),
                new Action("approve account request", EnumSet.of(Role.UNIT_IT), () -> requests.approve(request.getId())),
                new Action("reject account request", EnumSet.of(Role.UNIT_IT), () -> requests.reject(request.getId(), "x")),
                new Action("unit security check", EnumSet.of(Role.UNIT_IT), () -> unitCheck.check(unit.getId())),
                new Action("recertify", EnumSet.of(Role.UNIT_IT),
                        () -> recertification.confirm(unit.getId(), List.of(target.getLogin()))),
                new Action("report leaver", EnumSet.of(Role.UNIT_IT),
                        () -> recertification.reportLeaver(unit.getId(), target.getLogin(), "x")),
                new Action("recertification report", EnumSet.of(Role.SYS_ADMIN, Role.SUPERVISOR),
                        () -> recertification.overdue()),
                new Action("rename unit", EnumSet.of(Role.SYS_ADMIN, Role.UNIT_IT),
                        () -> organisation.rename(unit.getId(), "改名", "Renamed")),
                new Action("add sub-office", EnumSet.of(Role.SYS_ADMIN, Role.UNIT_IT),
                        () -> organisation.createUnit("M" + UUID.randomUUID().toString().substring(0, 6), "科", "Office",
                                UnitKind.DEPARTMENT, unit.getId())),
                new Action("add post", EnumSet.of(Role.SYS_ADMIN, Role.UNIT_IT), () -> organisation.addPost(unit.getId(), "岗")),
                new Action("move unit", EnumSet.of(Role.SYS_ADMIN), () -> organisation.move(unit.getId(), elsewhere.getId())),
                new Action("import staff", EnumSet.of(Role.SYS_ADMIN), () -> transfer.importPeople("p.csv", staffFile)),
                new Action("export staff", EnumSet.of(Role.SYS_ADMIN), () -> transfer.exportPeople(SheetFormat.CSV)),
                new Action("calendar", EnumSet.of(Role.SYS_ADMIN),
                        () -> calendar.set(LocalDate.of(2034, 1, 2), DayKind.HOLIDAY, "x")),
                new Action("read audit trail", EnumSet.of(Role.AUDIT_ADMIN), () -> audit.search(AuditQuery.everything(), 1)),
                new Action("verify audit trail", EnumSet.of(Role.AUDIT_ADMIN), () -> audit.verify()),
                new Action("start batch job", EnumSet.of(Role.BATCH_OPERATOR), () -> jobs.start(BatchJob.SELF_CHECK)));

        // Each role held by a person of another unit (unit-scoped ones for that other unit).
        Map<Role, Person> actors = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            actors.put(role, role == Role.STAFF ? data.personIn(elsewhere, PASSWORD, cheap)
                    : data.personIn(elsewhere, PASSWORD, cheap, role));
        }

        List<String> notRefused = new ArrayList<>();
        int tried = 0;
        for (Action action : actions) {
            for (Map.Entry<Role, Person> actor : actors.entrySet()) {
                if (action.allowed().contains(actor.getKey()) && !actor.getKey().isUnitScoped()) {
                    continue; // a university-wide role that may take the action
                }
                tried++;
                try {
                    AsPerson.run(actor.getValue(), action.call());
                    notRefused.add(actor.getKey() + " may " + action.name());
                } catch (EJBAccessException refused) {
                    // as it must be
                } catch (InvalidInputException refused) {
                    // the security administrator keeps the administrators' accounts only (三员): refused per account
                    if (actor.getKey() != Role.SECURITY_ADMIN
                            || !refused.problems().equals(List.of("account.keptBySystemAdmin"))) {
                        throw refused;
                    }
                }
            }
        }
        assertEquals(List.of(), notRefused);
        assertTrue(tried > 150, "the matrix was walked: " + tried);

        Person unchanged = data.reload(target);
        assertTrue(unchanged.isActive() && !data.credential(target).isMustChangePassword()
                && data.review(target).getLeaverReportedAt() == null);
        assertEquals(unit.getId(), unchanged.getUnit().getId());
        assertEquals(Set.of(Role.STAFF), unchanged.roleSet());
        assertEquals(AccountRequest.Status.PENDING, requests.status(request.getId(), request.getLogin()).orElseThrow()
                .getStatus());
        Unit unitNow = data.unitByCode(unit.getCode());
        assertEquals(unit.getNameZh(), unitNow.getNameZh());
        assertEquals(null, unitNow.getParent());
        assertEquals(EnumSet.allOf(Module.class), unitNow.usableModules());
        assertTrue(calendar.calendar().isWorkingDay(LocalDate.of(2034, 1, 2)));
    }
}
