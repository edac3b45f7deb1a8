package cn.edu.xietong.it.directory;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.transfer.DirectoryTransfer;
import cn.edu.xietong.directory.transfer.Preview;
import cn.edu.xietong.directory.transfer.SheetFormat;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsSecurityAdmin;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.AccountAdministration;
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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.1, O2.6: units and staff imported from CSV and Excel all or nothing, after a preview; exported the same way. */
@ExtendWith(ArquillianExtension.class)
class DirectoryTransferIT {

    @EJB
    private DirectoryTransfer transfer;

    @EJB
    private Authentication accounts;

    @EJB
    private AccountAdministration administration;

    @EJB
    private AsSysAdmin admin;

    @EJB
    private AsSecurityAdmin securityAdmin;

    @EJB
    private TestData data;

    private static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void unitsImportWithSubOfficesListedBeforeTheirUnit() throws Exception {
        String school = fresh("S"), office = fresh("O");
        byte[] file = csv("code,name_zh,name_en,kind,parent_code\n"
                + office + ",综合办公室,General Office,college," + school + "\n"
                + school + ",测试学院,Test School,学院,\n");

        Preview preview = admin.call(() -> transfer.previewUnits("units.csv", file));
        assertTrue(preview.acceptable(), preview.toString());
        assertEquals(2, admin.call(() -> transfer.importUnits("units.csv", file)));

        assertEquals(school, data.unitByCode(office).getParent().getCode());
        byte[] export = admin.call(() -> transfer.exportUnits(SheetFormat.XLSX));
        List<List<String>> rows = SheetFormat.XLSX.read(export);
        int schoolRow = indexOf(rows, school), officeRow = indexOf(rows, office);
        assertTrue(schoolRow > 0 && officeRow > schoolRow, "each unit after the unit above it");
        assertEquals(List.of(office, "综合办公室", "General Office", "college", school), rows.get(officeRow));
    }

    private static int indexOf(List<List<String>> rows, String code) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(0).equals(code)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void everyBadUnitRowIsNamedAndNothingIsImported() throws Exception {
        Unit existing = data.unit();
        String a = fresh("A"), b = fresh("B"), good = fresh("G");
        byte[] file = csv("code,name_zh,name_en,kind,parent_code\n"
                + good + ",好单位,Good,department,\n"
                + existing.getCode() + ",重复,Duplicate,department,\n"
                + a + ",甲,A,department," + b + "\n"
                + b + ",乙,B,department," + a + "\n"
                + fresh("C") + ",丙,C,faculty,NOPE\n"
                + "bad code!,,,department,\n");
        long before = data.count(Unit.class);

        Preview preview = admin.call(() -> transfer.previewUnits("units.csv", file));
        assertFalse(preview.acceptable());
        assertEquals(List.of(), preview.rows().get(0).problems());
        assertEquals(List.of("import.unit.exists"), preview.rows().get(1).problems());
        assertEquals(List.of("import.unit.cycle"), preview.rows().get(2).problems());
        assertEquals(List.of("import.unit.kind", "import.unit.parent"), preview.rows().get(4).problems());
        assertEquals(List.of("import.unit.code", "import.unit.nameZh", "import.unit.nameEn"),
                preview.rows().get(5).problems());
        assertEquals(7, preview.rows().get(5).line());

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> admin.call(() -> transfer.importUnits("units.csv", file)));
        assertEquals(List.of("import.hasProblems"), refused.problems());
        assertEquals(before, data.count(Unit.class), "not even the good row");
    }

    @Test
    void staffImportFromExcelGetTemporaryPasswordsTheyMustChange() throws Exception {
        Unit unit = data.unit();
        String login = "imp" + UUID.randomUUID().toString().substring(0, 8);
        byte[] file = SheetFormat.XLSX.write("people", DirectoryTransfer.PEOPLE_HEADER,
                List.of(List.of(login, "导入者", unit.getCode(), login + "@example.edu.cn")));

        List<DirectoryTransfer.InitialPassword> created = admin.call(() -> transfer.importPeople("人员.xlsx", file));

        assertEquals(1, created.size());
        LoginResult first = accounts.logIn(login, created.get(0).password().toCharArray(), "192.0.2.90");
        assertEquals(LoginResult.Outcome.SUCCESS, first.outcome());
        assertTrue(first.passwordChangeRequired());
        List<PersonChange> history = admin.call(() -> administration.history(login));
        assertEquals(PersonChange.Kind.CREATE, history.get(0).getKind());
        String exported = new String(admin.call(() -> transfer.exportPeople(SheetFormat.CSV)), StandardCharsets.UTF_8);
        assertTrue(exported.contains(login + ",导入者," + unit.getCode() + "," + login + "@example.edu.cn\r\n"));
    }

    @Test
    void everyBadStaffRowIsNamedAndNobodyIsImported() throws Exception {
        Unit unit = data.unit();
        Person taken = data.person("Taken#Pass2026", new PasswordHasher(new Argon2Parameters(1024, 1, 1)));
        String ok = "ok" + UUID.randomUUID().toString().substring(0, 8);
        byte[] file = csv("login,name,unit_code,email\n"
                + ok + ",好人," + unit.getCode() + ",\n"
                + taken.getLogin() + ",重名," + unit.getCode() + ",\n"
                + ok + ",重复," + unit.getCode() + ",\n"
                + "9bad,,NOUNIT,not-an-address\n");

        Preview preview = admin.call(() -> transfer.previewPeople("people.csv", file));
        assertEquals(List.of(), preview.rows().get(0).problems());
        assertEquals(List.of("import.person.exists"), preview.rows().get(1).problems());
        assertEquals(List.of("import.person.twice"), preview.rows().get(2).problems());
        assertEquals(List.of("import.person.login", "import.person.name", "import.person.unit",
                "import.person.email"), preview.rows().get(3).problems());
        assertThrows(InvalidInputException.class, () -> admin.call(() -> transfer.importPeople("people.csv", file)));
        assertTrue(data.personMaybe(ok).isEmpty(), "not even the good row");
    }

    @Test
    void wrongFilesAreRefusedAndOnlyTheSystemAdministratorTransfers() throws Exception {
        InvalidInputException notCsv = assertThrows(InvalidInputException.class,
                () -> admin.call(() -> transfer.previewPeople("people.exe", csv("login,name\n"))));
        assertEquals(List.of("import.fileType"), notCsv.problems());
        Preview wrongHeader = admin.call(() -> transfer.previewPeople("people.csv", csv("user,full name\nx,y\n")));
        assertEquals(List.of("import.header"), wrongHeader.fileProblems());
        assertFalse(wrongHeader.acceptable());

        Person unitIt = data.personIn(data.unit(), "Unit#It2026", new PasswordHasher(new Argon2Parameters(1024, 1, 1)),
                Role.UNIT_IT);
        assertThrows(EJBAccessException.class, () -> AsPerson.call(unitIt, () -> transfer.exportPeople(SheetFormat.CSV)));
        assertThrows(EJBAccessException.class, () -> securityAdmin.call(() -> transfer.exportUnits(SheetFormat.CSV)));
    }
}
