package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 三员 (S2, S3): who may reset, deactivate, move or take over the to-dos of which account. */
class AccountKeeperTest {

    private static final Unit UNIT = new Unit("ETC", "现代教育技术中心", "Technology centre", UnitKind.AFFILIATED);

    private static Person person(String login, Role... roles) {
        Person person = new Person(login, "测试", UNIT, null, Instant.EPOCH);
        for (Role role : roles) {
            person.grant(role);
        }
        return person;
    }

    private static Optional<String> refusal(Person caller, Person account) {
        return AccountKeeper.refusal(caller.getLogin(), caller.roleSet()::contains, account);
    }

    @Test
    void theSecurityAdministratorKeepsTheAccountsOfAllThreeAdministrators() {
        for (Role role : Set.of(Role.SYS_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)) {
            assertEquals(Role.SECURITY_ADMIN, AccountKeeper.keeperOf(person("a" + role.ordinal(), role)));
        }
        assertEquals(Role.SYS_ADMIN, AccountKeeper.keeperOf(person("leader", Role.SCHOOL_LEADER, Role.SUPERVISOR)));
    }

    @Test
    void theSystemAdministratorIsRefusedEveryAdministratorAccountAndTheSecurityAdministratorEveryOrdinaryOne() {
        Person sysAdmin = person("sys", Role.SYS_ADMIN);
        Person securityAdmin = person("sec", Role.SECURITY_ADMIN);
        assertEquals(Optional.of("account.keptBySecurityAdmin"), refusal(sysAdmin, person("aud", Role.AUDIT_ADMIN)));
        assertEquals(Optional.of("account.keptBySecurityAdmin"), refusal(sysAdmin, person("sec2", Role.SECURITY_ADMIN)));
        assertEquals(Optional.of("account.keptBySecurityAdmin"), refusal(sysAdmin, person("sys2", Role.SYS_ADMIN)));
        assertEquals(Optional.empty(), refusal(sysAdmin, person("staff")));
        assertEquals(Optional.of("account.keptBySystemAdmin"), refusal(securityAdmin, person("staff")));
        assertEquals(Optional.empty(), refusal(securityAdmin, person("sys2", Role.SYS_ADMIN)));
        assertEquals(Optional.empty(), refusal(securityAdmin, person("aud", Role.AUDIT_ADMIN)));
    }

    @Test
    void nobodyAdministersTheirOwnAccount() {
        Person securityAdmin = person("sec", Role.SECURITY_ADMIN);
        Person sysAdmin = person("sys", Role.SYS_ADMIN);
        assertEquals(Optional.of("account.notSelf"), refusal(securityAdmin, securityAdmin));
        assertEquals(Optional.of("account.notSelf"), refusal(sysAdmin, sysAdmin));
    }

    @Test
    void aDeactivatedAdministratorStaysTheSecurityAdministratorsToKeep() {
        Person audit = person("aud", Role.AUDIT_ADMIN);
        audit.deactivate();
        assertEquals(Role.SECURITY_ADMIN, AccountKeeper.keeperOf(audit));
    }
}
