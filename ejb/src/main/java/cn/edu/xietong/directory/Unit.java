package cn.edu.xietong.directory;

import cn.edu.xietong.shared.Bilingual;
import cn.edu.xietong.shared.DisplayText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.Objects;

/** A unit of the university (学院(部), 部处 or 直属单位), possibly below another unit as a sub-office. */
@Entity
@Table(name = "org_unit")
@NamedQuery(name = Unit.ALL, query = "select u from Unit u order by u.kind, u.code")
@NamedQuery(name = Unit.COUNT, query = "select count(u) from Unit u")
@NamedQuery(name = Unit.BY_CODE, query = "select u from Unit u where u.code = :code")
public class Unit {

    /** The longest names (S3: a longer one is refused, never cut). */
    public static final int MAX_NAME_ZH = 100;
    public static final int MAX_NAME_EN = 200;

    public static final String ALL = "Unit.all";
    public static final String COUNT = "Unit.count";
    public static final String BY_CODE = "Unit.byCode";

    @Id
    @SequenceGenerator(name = "org_unit_seq", sequenceName = "org_unit_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_unit_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(name = "name_zh", nullable = false, length = MAX_NAME_ZH)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = MAX_NAME_EN)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private UnitKind kind;

    @ManyToOne(fetch = FetchType.EAGER) // lazy to-one needs weaving, which is off (see persistence.xml)
    @JoinColumn(name = "parent_id")
    private Unit parent;

    /** The modules the unit may use (O2.7); meaningful on top-level units, which their sub-offices follow. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "unit_module", joinColumns = @JoinColumn(name = "unit_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "module", nullable = false, length = 32)
    private Set<Module> modules = EnumSet.allOf(Module.class);

    @Version
    private long version;

    protected Unit() {
    }

    public Unit(String code, String nameZh, String nameEn, UnitKind kind) {
        this.code = requireText(code, "code");
        this.nameZh = requireName(nameZh, MAX_NAME_ZH, "nameZh");
        this.nameEn = requireName(nameEn, MAX_NAME_EN, "nameEn");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }

    private static String requireName(String value, int maxLength, String what) {
        return DisplayText.name(value, maxLength).orElseThrow(
                () -> new IllegalArgumentException(what + " needs a visible name of at most " + maxLength + " characters"));
    }

    /** Makes this unit a sub-office of {@code parent}; a unit cannot be placed under itself or its own sub-units. */
    public void placeUnder(Unit parent) {
        for (Unit u = parent; u != null; u = u.parent) {
            if (u == this) {
                throw new IllegalArgumentException(this + " cannot be placed under its own sub-unit " + parent);
            }
        }
        this.parent = parent;
    }

    /** The unit at the top of this one's tree: itself unless it is a sub-office. */
    public Unit topUnit() {
        Unit top = this;
        while (top.parent != null) {
            top = top.parent;
        }
        return top;
    }

    /** Whether members of this unit may use the module: what the top-level unit was given (O2.7). */
    public boolean mayUse(Module module) {
        return topUnit().modules.contains(module);
    }

    /** The modules this unit's members may use. */
    public Set<Module> usableModules() {
        Set<Module> usable = EnumSet.noneOf(Module.class);
        usable.addAll(topUnit().modules);
        return usable;
    }

    /** Sets the modules of a top-level unit; sub-offices follow their unit and have none of their own. */
    public void allowModules(Set<Module> allowed) {
        if (parent != null) {
            throw new IllegalArgumentException(this + " is a sub-office: it uses its unit's modules");
        }
        modules.clear();
        modules.addAll(allowed);
    }

    /** Renames the unit (Chinese and English names). */
    public void rename(String nameZh, String nameEn) {
        this.nameZh = requireName(nameZh, MAX_NAME_ZH, "nameZh");
        this.nameEn = requireName(nameEn, MAX_NAME_EN, "nameEn");
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    /** The unit's name in the given language: Chinese unless English is asked for. */
    public Bilingual name() {
        return new Bilingual(nameZh, nameEn);
    }

    public String name(Locale locale) {
        return name().in(locale);
    }

    public UnitKind getKind() {
        return kind;
    }

    public Unit getParent() {
        return parent;
    }

    @Override
    public String toString() {
        return "Unit[" + code + "]";
    }
}
