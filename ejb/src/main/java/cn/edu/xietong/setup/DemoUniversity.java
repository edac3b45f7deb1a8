package cn.edu.xietong.setup;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.security.Credential;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.security.PasswordPolicy;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.shared.StartupMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The demo university, loaded into an empty database in demo mode only: units of the three kinds (one with a
 * sub-office), about thirty people holding every role, two people named 王伟 in different units (A5), and one
 * published flow of each category ({@link DemoFlows}). All demo
 * accounts share one password, {@value #DEFAULT_PASSWORD} unless {@code XIETONG_DEMO_PASSWORD} is set; README lists
 * them. Outside demo mode this bean does nothing.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class DemoUniversity {

    public static final String DEFAULT_PASSWORD = "Xietong#2026";
    public static final String MAIL_DOMAIN = "demo.xietong.example";

    private static final Logger LOG = Logger.getLogger(DemoUniversity.class.getName());

    private record UnitRow(String code, String nameZh, String nameEn, UnitKind kind, String parent) {
    }

    private record PersonRow(String login, String name, String unit, Role... roles) {
    }

    private static final List<UnitRow> UNITS = List.of(
            new UnitRow("PAO", "党政办公室", "Party and Administration Office", UnitKind.DEPARTMENT, null),
            new UnitRow("HR", "人事处", "Human Resources Department", UnitKind.DEPARTMENT, null),
            new UnitRow("ACA", "教务处", "Office of Academic Affairs", UnitKind.DEPARTMENT, null),
            new UnitRow("FIN", "财务处", "Finance Department", UnitKind.DEPARTMENT, null),
            new UnitRow("CS", "计算机科学与技术学院", "School of Computer Science and Technology", UnitKind.COLLEGE, null),
            new UnitRow("CS-GO", "计算机学院综合办公室", "CS School General Office", UnitKind.COLLEGE, "CS"),
            new UnitRow("FL", "外国语学院", "School of Foreign Languages", UnitKind.COLLEGE, null),
            new UnitRow("MATH", "数学与统计学院", "School of Mathematics and Statistics", UnitKind.COLLEGE, null),
            new UnitRow("ETC", "现代教育技术中心", "Modern Educational Technology Centre", UnitKind.AFFILIATED, null),
            new UnitRow("LIB", "图书馆", "University Library", UnitKind.AFFILIATED, null));

    private static final List<PersonRow> PEOPLE = List.of(
            new PersonRow("liming", "李明", "PAO", Role.SCHOOL_LEADER),
            new PersonRow("zhaohong", "赵红", "PAO", Role.SCHOOL_LEADER),
            new PersonRow("sunli", "孙丽", "PAO", Role.UNIT_LEADER, Role.SUPERVISOR),
            new PersonRow("zhouqiang", "周强", "PAO", Role.SUPERVISOR),
            new PersonRow("wuting", "吴婷", "PAO"),
            new PersonRow("zhengkai", "郑凯", "PAO", Role.UNIT_IT),
            new PersonRow("qianjun", "钱军", "HR", Role.UNIT_LEADER),
            new PersonRow("wangwei.hr", "王伟", "HR"),
            new PersonRow("fengxue", "冯雪", "HR", Role.UNIT_IT),
            new PersonRow("chenjing", "陈静", "ACA", Role.UNIT_LEADER),
            new PersonRow("chuyang", "褚阳", "ACA"),
            new PersonRow("weilan", "卫兰", "ACA", Role.UNIT_IT),
            new PersonRow("jiangtao", "蒋涛", "FIN", Role.UNIT_LEADER),
            new PersonRow("shenyue", "沈悦", "FIN"),
            new PersonRow("hanmei", "韩梅", "CS", Role.UNIT_LEADER),
            new PersonRow("wangwei.cs", "王伟", "CS"),
            new PersonRow("yangfan", "杨帆", "CS", Role.UNIT_IT),
            new PersonRow("zhuxin", "朱鑫", "CS"),
            new PersonRow("qinlei", "秦磊", "CS-GO"),
            new PersonRow("youlin", "尤琳", "FL", Role.UNIT_LEADER),
            new PersonRow("xuqian", "许倩", "FL"),
            new PersonRow("hejia", "何佳", "FL", Role.UNIT_IT),
            new PersonRow("lvbo", "吕博", "MATH", Role.UNIT_LEADER),
            new PersonRow("shiyu", "施雨", "MATH"),
            new PersonRow("zhangjie", "张杰", "MATH"),
            new PersonRow("kongde", "孔德", "ETC", Role.UNIT_LEADER),
            new PersonRow("caoyu", "曹宇", "ETC", Role.SYS_ADMIN),
            new PersonRow("yanhua", "严华", "ETC", Role.BATCH_OPERATOR),
            new PersonRow("jinbo", "金波", "ETC", Role.UNIT_IT),
            new PersonRow("luan", "卢安", "ETC", Role.SECURITY_ADMIN),
            new PersonRow("qishen", "齐慎", "ETC", Role.AUDIT_ADMIN),
            new PersonRow("weiwen", "魏文", "LIB", Role.UNIT_LEADER),
            new PersonRow("taoran", "陶然", "LIB"));

    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    void loadIfDemo() {
        if (!StartupMode.demo()) {
            return;
        }
        if (em.createNamedQuery(Unit.COUNT, Long.class).getSingleResult() > 0) {
            LOG.info("demo mode: the database already holds a university, nothing loaded");
            return;
        }
        char[] password = StartupMode.secret("XIETONG_DEMO_PASSWORD").orElse(DEFAULT_PASSWORD.toCharArray());
        PasswordHasher hasher = PasswordHasher.current();
        Map<String, Unit> units = new HashMap<>();
        for (UnitRow row : UNITS) {
            Unit unit = new Unit(row.code(), row.nameZh(), row.nameEn(), row.kind());
            if (row.parent() != null) {
                unit.placeUnder(units.get(row.parent()));
            }
            em.persist(unit);
            units.put(row.code(), unit);
        }
        Instant now = clock.now();
        List<Person> everyone = new java.util.ArrayList<>();
        for (PersonRow row : PEOPLE) {
            Unit unit = units.get(row.unit());
            Person person = new Person(row.login(), row.name(), unit, row.login() + "@" + MAIL_DOMAIN, now);
            for (Role role : row.roles()) {
                if (role.isUnitScoped()) {
                    person.grant(role, unit);
                } else {
                    person.grant(role);
                }
            }
            em.persist(person);
            Credential.initial(em, person, hasher.hash(password.clone()), now, false);
            everyone.add(person);
        }
        DemoFlows.load(em, units.get("PAO"), everyone, now);
        DemoNotices.load(em, units, everyone, now);
        DemoFlows.loadControlledDownload(em, units.get("PAO"), now);
        DemoDocuments.load(em, units, everyone, now);
        em.createNativeQuery("insert into installation (id, mode, created_at) values (1, 'DEMO', ?1)")
                .setParameter(1, java.sql.Timestamp.from(now)).executeUpdate();
        // Demo accounts share a documented password; a second factor would only stand in the way of trying Xietong
        // out. The security administrator can switch the requirement on (security/policy.xhtml).
        em.find(PasswordPolicy.class, PasswordPolicy.ID).setLoginRules(false, false);
        LOG.warning(() -> "DEMO MODE: loaded the demo university (" + UNITS.size() + " units, " + PEOPLE.size()
                + " people) with the demo password. Never run demo mode with real data.");
    }
}
