package cn.edu.xietong.directory.transfer;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.files.UploadCheck;
import cn.edu.xietong.security.AccountAdministration;
import cn.edu.xietong.security.Credential;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.DisplayText;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.ejb3.annotation.TransactionTimeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Bulk import and export of units and staff (O3.1, O2.6), the system administrator's. An import is previewed first:
 * every row's problems are listed, and the import itself re-checks the file and stores nothing unless every row is
 * right, all in one transaction. Imported people get a temporary password each, returned once for handing over, which
 * they must change at their first login (S2). Imports and exports are audited (S5).
 */
@Stateless
@RolesAllowed("SYS_ADMIN")
public class DirectoryTransfer {

    public static final List<String> UNIT_HEADER = List.of("code", "name_zh", "name_en", "kind", "parent_code");
    public static final List<String> PEOPLE_HEADER = List.of("login", "name", "unit_code", "email");
    private static final Pattern UNIT_CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Map<String, UnitKind> KINDS = Map.of(
            "college", UnitKind.COLLEGE, "学院", UnitKind.COLLEGE, "学院(部)", UnitKind.COLLEGE,
            "department", UnitKind.DEPARTMENT, "部处", UnitKind.DEPARTMENT,
            "affiliated", UnitKind.AFFILIATED, "直属单位", UnitKind.AFFILIATED);

    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    /** A person made by an import and the temporary password to hand over. */
    public record InitialPassword(String login, String fullName, String unitCode, String password) {
    }

    /** @throws InvalidInputException {@code import.fileType} for anything but CSV or .xlsx within the size limit */
    public Preview previewUnits(String fileName, byte[] content) {
        return checkUnits(read(fileName, content));
    }

    /**
     * Imports units: all rows or none.
     *
     * @return how many units were created
     * @throws InvalidInputException {@code import.fileType}, {@code import.hasProblems}
     */
    public int importUnits(String fileName, byte[] content) {
        List<List<String>> rows = read(fileName, content);
        Preview preview = checkUnits(rows);
        requireAcceptable(preview, "units");
        Map<String, Unit> byCode = existingUnits();
        List<Preview.Row> pending = new ArrayList<>(preview.rows());
        while (!pending.isEmpty()) { // parents before their sub-offices, whatever the file's order
            var ready = pending.stream().filter(r -> cell(r, 4).isEmpty() || byCode.containsKey(cell(r, 4))).toList();
            for (Preview.Row r : ready) {
                Unit unit = new Unit(cell(r, 0), cell(r, 1), cell(r, 2), kind(cell(r, 3)));
                if (!cell(r, 4).isEmpty()) {
                    unit.placeUnder(byCode.get(cell(r, 4)));
                }
                em.persist(unit);
                byCode.put(unit.getCode(), unit);
            }
            pending.removeAll(ready);
        }
        audit.record(AuditEvent.DIRECTORY_IMPORT, AuditOutcome.SUCCESS, caller(), null,
                preview.rows().size() + " units from " + shortName(fileName));
        return preview.rows().size();
    }

    /** @throws InvalidInputException {@code import.fileType} */
    public Preview previewPeople(String fileName, byte[] content) {
        return checkPeople(read(fileName, content));
    }

    /**
     * Imports staff: all rows or none. Each gets a temporary password that must be changed at the first login.
     *
     * @return the people created with their temporary passwords, the only time these are shown
     * @throws InvalidInputException {@code import.fileType}, {@code import.hasProblems}
     */
    @TransactionTimeout(value = 30, unit = TimeUnit.MINUTES) // 5,000 Argon2id hashes take minutes, not seconds
    public List<InitialPassword> importPeople(String fileName, byte[] content) {
        List<List<String>> rows = read(fileName, content);
        Preview preview = checkPeople(rows);
        requireAcceptable(preview, "people");
        Map<String, Unit> units = existingUnits();
        PasswordHasher hasher = PasswordHasher.current();
        Instant now = clock.now();
        List<InitialPassword> created = new ArrayList<>();
        for (Preview.Row r : preview.rows()) {
            Unit unit = units.get(cell(r, 2));
            String email = cell(r, 3).isEmpty() ? null : cell(r, 3);
            Person person = new Person(cell(r, 0), cell(r, 1), unit, email, now);
            String temporary = AccountAdministration.temporaryPassword();
            em.persist(person);
            Credential.initial(em, person, hasher.hash(temporary.toCharArray()), now, true);
            em.persist(new PersonChange(person, now, caller(), PersonChange.Kind.CREATE, null, unit.getCode(),
                    "import " + shortName(fileName)));
            created.add(new InitialPassword(person.getLogin(), person.getFullName(), unit.getCode(), temporary));
        }
        audit.record(AuditEvent.DIRECTORY_IMPORT, AuditOutcome.SUCCESS, caller(), null,
                created.size() + " people from " + shortName(fileName));
        return created;
    }

    /** Every unit in the import's columns, each after the unit above it. */
    public byte[] exportUnits(SheetFormat format) {
        List<List<String>> rows = new ArrayList<>();
        List<Unit> units = em.createNamedQuery(Unit.ALL, Unit.class).getResultList();
        Set<String> written = new HashSet<>();
        while (written.size() < units.size()) {
            for (Unit u : units) {
                if (!written.contains(u.getCode())
                        && (u.getParent() == null || written.contains(u.getParent().getCode()))) {
                    rows.add(List.of(u.getCode(), u.getNameZh(), u.getNameEn(), u.getKind().name().toLowerCase(Locale.ROOT),
                            u.getParent() == null ? "" : u.getParent().getCode()));
                    written.add(u.getCode());
                }
            }
        }
        audit.record(AuditEvent.DIRECTORY_EXPORT, AuditOutcome.SUCCESS, caller(), null, rows.size() + " units");
        return format.write("units", UNIT_HEADER, rows);
    }

    /** Every active person in the import's columns. */
    public byte[] exportPeople(SheetFormat format) {
        List<List<String>> rows = em.createNamedQuery(Person.ACTIVE, Person.class).getResultStream()
                .sorted(java.util.Comparator.comparing((Person p) -> p.getUnit().getCode()).thenComparing(Person::getLogin))
                .map(p -> List.of(p.getLogin(), p.getFullName(), p.getUnit().getCode(),
                        p.getEmail() == null ? "" : p.getEmail()))
                .toList();
        audit.record(AuditEvent.DIRECTORY_EXPORT, AuditOutcome.SUCCESS, caller(), null, rows.size() + " people");
        return format.write("people", PEOPLE_HEADER, rows);
    }

    private Preview checkUnits(List<List<String>> rows) {
        List<String> fileProblems = fileProblems(rows, UNIT_HEADER);
        Map<String, Unit> existing = existingUnits();
        Map<String, String> parentInFile = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Preview.Row> result = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = pad(rows.get(i), UNIT_HEADER.size());
            List<String> problems = new ArrayList<>();
            String code = cells.get(0);
            if (!UNIT_CODE.matcher(code).matches()) {
                problems.add("import.unit.code");
            } else if (existing.containsKey(code)) {
                problems.add("import.unit.exists");
            } else if (seen.putIfAbsent(code, i) != null) {
                problems.add("import.unit.twice");
            }
            if (DisplayText.name(cells.get(1), Unit.MAX_NAME_ZH).isEmpty()) {
                problems.add("import.unit.nameZh");
            }
            if (DisplayText.name(cells.get(2), Unit.MAX_NAME_EN).isEmpty()) {
                problems.add("import.unit.nameEn");
            }
            if (kind(cells.get(3)) == null) {
                problems.add("import.unit.kind");
            }
            parentInFile.put(code, cells.get(4));
            result.add(new Preview.Row(i + 1, cells, problems));
        }
        // parents: an existing unit, or a unit of the file that does not lead back to itself
        List<Preview.Row> checked = new ArrayList<>();
        for (Preview.Row r : result) {
            List<String> problems = new ArrayList<>(r.problems());
            String parent = cell(r, 4);
            if (!parent.isEmpty() && !existing.containsKey(parent)) {
                if (!parentInFile.containsKey(parent)) {
                    problems.add("import.unit.parent");
                } else if (leadsBack(cell(r, 0), parentInFile, existing)) {
                    problems.add("import.unit.cycle");
                }
            }
            checked.add(new Preview.Row(r.line(), r.cells(), problems));
        }
        return new Preview(fileProblems, checked);
    }

    private static boolean leadsBack(String code, Map<String, String> parentInFile, Map<String, Unit> existing) {
        Set<String> visited = new HashSet<>();
        for (String u = code; u != null && !u.isEmpty() && !existing.containsKey(u); u = parentInFile.get(u)) {
            if (!visited.add(u)) {
                return true;
            }
        }
        return false;
    }

    private Preview checkPeople(List<List<String>> rows) {
        List<String> fileProblems = fileProblems(rows, PEOPLE_HEADER);
        Map<String, Unit> units = existingUnits();
        Set<String> existingLogins = new HashSet<>(em.createQuery("select p.login from Person p", String.class)
                .getResultList());
        Set<String> seen = new HashSet<>();
        List<Preview.Row> result = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = pad(rows.get(i), PEOPLE_HEADER.size());
            List<String> problems = new ArrayList<>();
            String login = Person.normaliseLogin(cells.get(0));
            if (!Person.validLogin(login)) {
                problems.add("import.person.login");
            } else if (existingLogins.contains(login)) {
                problems.add("import.person.exists");
            } else if (!seen.add(login)) {
                problems.add("import.person.twice");
            }
            if (DisplayText.name(cells.get(1), Person.MAX_NAME).isEmpty()) {
                problems.add("import.person.name");
            }
            if (!units.containsKey(cells.get(2))) {
                problems.add("import.person.unit");
            }
            if (!cells.get(3).isEmpty() && !Person.validEmail(cells.get(3))) {
                problems.add("import.person.email");
            }
            result.add(new Preview.Row(i + 1, cells, problems));
        }
        return new Preview(fileProblems, result);
    }

    private static List<String> fileProblems(List<List<String>> rows, List<String> header) {
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty() || !rows.get(0).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList().equals(header)) {
            problems.add("import.header");
        } else if (rows.size() == 1) {
            problems.add("import.empty");
        }
        if (rows.size() > SheetFormat.MAX_ROWS + 1) {
            problems.add("import.tooManyRows");
        }
        return problems;
    }

    private List<List<String>> read(String fileName, byte[] content) {
        if (content == null || content.length == 0 || content.length > SheetFormat.MAX_BYTES) {
            throw new InvalidInputException(List.of("import.fileType"));
        }
        UploadCheck.checkName(fileName);
        try {
            return SheetFormat.of(fileName, content).read(content);
        } catch (IllegalArgumentException notReadable) {
            throw new InvalidInputException(List.of("import.fileType"));
        }
    }

    private void requireAcceptable(Preview preview, String what) {
        if (!preview.acceptable()) {
            audit.record(AuditEvent.DIRECTORY_IMPORT, AuditOutcome.DENIED, caller(), null,
                    what + ": " + preview.problemRows() + " rows with problems, nothing imported");
            throw new InvalidInputException(List.of("import.hasProblems"));
        }
    }

    private Map<String, Unit> existingUnits() {
        Map<String, Unit> byCode = new HashMap<>();
        em.createNamedQuery(Unit.ALL, Unit.class).getResultList().forEach(u -> byCode.put(u.getCode(), u));
        return byCode;
    }

    private static UnitKind kind(String text) {
        return KINDS.get(text.strip().toLowerCase(Locale.ROOT));
    }

    private static String cell(Preview.Row row, int index) {
        return row.cells().get(index);
    }

    private static List<String> pad(List<String> cells, int size) {
        List<String> padded = new ArrayList<>(cells.subList(0, Math.min(cells.size(), size)));
        while (padded.size() < size) {
            padded.add("");
        }
        return padded;
    }

    private static String shortName(String fileName) {
        String name = fileName == null ? "" : fileName;
        return name.length() > 100 ? name.substring(0, 100) + "…" : name;
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
