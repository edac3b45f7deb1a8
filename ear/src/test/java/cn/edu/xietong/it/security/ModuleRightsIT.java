package cn.edu.xietong.it.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditLog;
import cn.edu.xietong.audit.AuditQuery;
import cn.edu.xietong.audit.AuditRecord;
import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.it.support.AsAuditAdmin;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsSecurityAdmin;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.ModuleRights;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.workbench.WorkbenchFigures;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O2.7, S3: the system administrator sets each unit's modules, and the services refuse the others. */
@ExtendWith(ArquillianExtension.class)
class ModuleRightsIT {

    private static final String PASSWORD = "Module#Rights2026";

    @EJB
    private ModuleRights rights;

    @EJB
    private WorkbenchFigures workbench;

    @EJB
    private AuditLog audit;

    @EJB
    private AsAuditAdmin auditor;

    @EJB
    private AsSecurityAdmin securityAdmin;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    @Test
    void aUnitWithoutAModuleIsRefusedItOnTheServerAndItsSubOfficesFollow() throws Exception {
        Unit unit = data.unit();
        Unit office = data.subUnit(unit);
        Unit other = data.unit();
        Person admin = data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
        Person member = data.personIn(unit, PASSWORD, cheap);
        Person inOffice = data.personIn(office, PASSWORD, cheap);
        Person elsewhere = data.personIn(other, PASSWORD, cheap);
        assertEquals(EnumSet.allOf(Module.class), AsPerson.call(member, () -> rights.mine()), "new units have all");

        AsPerson.run(admin, () -> rights.allow(unit.getId(), EnumSet.of(Module.FLOWS, Module.NOTICES)));

        assertEquals(Set.of(Module.FLOWS, Module.NOTICES), AsPerson.call(member, () -> rights.mine()));
        assertEquals(Set.of(Module.FLOWS, Module.NOTICES), AsPerson.call(inOffice, () -> rights.mine()));
        assertThrows(EJBAccessException.class, () -> AsPerson.run(member, () -> rights.require(Module.MAIL)));
        assertThrows(EJBAccessException.class, () -> AsPerson.run(inOffice, () -> rights.require(Module.DOCUMENTS)));
        assertDoesNotThrow(() -> AsPerson.run(member, () -> rights.require(Module.FLOWS)));
        assertDoesNotThrow(() -> AsPerson.run(elsewhere, () -> rights.require(Module.MAIL)), "other units keep theirs");

        var counts = AsPerson.call(member, () -> workbench.countsForCaller());
        assertTrue(counts.uses("FLOWS"));
        assertFalse(counts.uses("MAIL"), "the workbench shows only the unit's modules");

        List<AuditRecord> records = auditor.call(() -> audit.search(
                new AuditQuery(null, null, admin.getLogin(), AuditEvent.MODULE_RIGHTS, null), 5));
        assertEquals(1, records.size());
        assertTrue(records.get(0).getDetail().startsWith(unit.getCode() + ": "), records.get(0).getDetail());
        assertTrue(records.get(0).getDetail().endsWith("-> [FLOWS, NOTICES]"), records.get(0).getDetail());
    }

    @Test
    void subOfficesAndUnknownUnitsCannotBeGivenModulesOfTheirOwn() throws Exception {
        Unit unit = data.unit();
        Unit office = data.subUnit(unit);
        Person admin = data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
        Person inOffice = data.personIn(office, PASSWORD, cheap);

        InvalidInputException sub = assertThrows(InvalidInputException.class,
                () -> AsPerson.run(admin, () -> rights.allow(office.getId(), EnumSet.noneOf(Module.class))));
        assertEquals(List.of("modules.subOffice"), sub.problems());
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> AsPerson.run(admin, () -> rights.allow(-1L, EnumSet.noneOf(Module.class))));
        assertEquals(List.of("modules.unknownUnit"), unknown.problems());
        assertEquals(EnumSet.allOf(Module.class), AsPerson.call(inOffice, () -> rights.mine()), "nothing changed");
    }

    @Test
    void onlyTheSystemAdministratorSetsModules() throws Exception {
        Unit unit = data.unit();
        Person unitIt = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        Set<Module> none = EnumSet.noneOf(Module.class);

        assertThrows(EJBAccessException.class, () -> AsPerson.run(unitIt, () -> rights.allow(unit.getId(), none)));
        assertThrows(EJBAccessException.class, () -> AsPerson.run(leader, () -> rights.allow(unit.getId(), none)));
        assertThrows(EJBAccessException.class, () -> securityAdmin.call(() -> {
            rights.allow(unit.getId(), none);
            return null;
        }));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> rights.units()));
        assertEquals(EnumSet.allOf(Module.class), AsPerson.call(leader, () -> rights.mine()), "nothing changed");
    }
}
