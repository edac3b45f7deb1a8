package cn.edu.xietong.directory;

import cn.edu.xietong.shared.DisplayText;
import cn.edu.xietong.shared.Logins;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
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

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A member of staff as the directory knows them: one primary unit, a login name, a name with its search keys, an
 * e-mail address and the roles granted to them. Every person holds STAFF. A deactivated person keeps their record
 * (history, later their documents) but cannot log in. What other areas keep about a person is theirs, keyed by the
 * person's id: the password and the sessions ({@code security.Credential}, {@code security.SessionRecord}), the unit
 * IT staff's review ({@code security.MembershipReview}) and presence ({@code presence.LastSeen}).
 */
@Entity
@Table(name = "person")
@NamedQuery(name = Person.BY_LOGIN, query = "select p from Person p where p.login = :login")
@NamedQuery(name = Person.COUNT, query = "select count(p) from Person p")
@NamedQuery(name = Person.BY_ROLE, query = "select distinct p from Person p join p.roles g where g.role = :role")
@NamedQuery(name = Person.IN_UNITS,
        query = "select p from Person p where p.unit.id in :units and p.active = true order by p.fullName, p.login")
@NamedQuery(name = Person.ACTIVE, query = "select p from Person p where p.active = true")
@NamedQuery(name = Person.ACTIVE_MATCHING, query = "select p from Person p where p.active = true and ("
        + Person.MATCHES + ") order by p.fullName, p.login")
@NamedQuery(name = Person.ACTIVE_MATCHING_IN_UNIT, query = "select p from Person p where p.active = true"
        + " and p.unit.id = :unit and (" + Person.MATCHES + ") order by p.fullName, p.login")
@NamedQuery(name = Person.ACTIVE_NAMED,
        query = "select p from Person p where p.fullName = :name and p.active = true order by p.login")
@NamedQuery(name = Person.ACTIVE_PER_UNIT,
        query = "select p.unit.id, count(p) from Person p where p.active = true group by p.unit.id")
public class Person {

    public static final String BY_LOGIN = "Person.byLogin";
    public static final String COUNT = "Person.count";
    public static final String BY_ROLE = "Person.byRole";
    public static final String ACTIVE_PER_UNIT = "Person.activePerUnit";
    public static final String IN_UNITS = "Person.inUnits";
    public static final String ACTIVE = "Person.active";
    public static final String ACTIVE_NAMED = "Person.activeNamed";
    public static final String ACTIVE_MATCHING = "Person.activeMatching";
    public static final String ACTIVE_MATCHING_IN_UNIT = "Person.activeMatchingInUnit";
    /**
     * Name or login contains :text, or the pinyin keys contain :compact. The patterns escape % and _ with a backslash,
     * which is the default LIKE escape of H2 and PostgreSQL: an explicit ESCAPE clause would make EclipseLink print
     * every parameter into the statement (and the boolean as 1, which H2 refuses).
     */
    static final String MATCHES = "lower(p.fullName) like :text or p.login like :text"
            + " or p.nameInitials like :compact or p.namePinyin like :compact";

    /** The longest full name (S3: a longer one is refused, never cut). */
    public static final int MAX_NAME = 64;
    /** Login names: lower-case letters, digits, dot, dash and underscore, starting with a letter. */
    private static final Pattern LOGIN = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

    @Id
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String login;

    @Column(name = "full_name", nullable = false, length = MAX_NAME)
    private String fullName;

    /** Pinyin initials of the name (王伟 → ww), for search. */
    @Column(name = "name_initials", length = 64)
    private String nameInitials;

    /** The whole pinyin of the name (王伟 → wangwei), for search (A5). */
    @Column(name = "name_pinyin", length = PinyinSpelling.MAX)
    private String namePinyin;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "unit_id", nullable = false)
    private Unit unit;

    @Column(length = 254)
    private String email;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Read when first asked for (EclipseLink reads it even after the transaction): most reads of a person need no roles. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "role_grant", joinColumns = @JoinColumn(name = "person_id"))
    private Set<RoleGrant> roles = new HashSet<>();

    @Version
    private long version;

    protected Person() {
    }

    public Person(String login, String fullName, Unit unit, String email, Instant createdAt) {
        this.login = normaliseLogin(login);
        if (!validLogin(this.login)) {
            throw new IllegalArgumentException("not a valid login name: " + login);
        }
        rename(fullName);
        this.unit = Objects.requireNonNull(unit, "unit");
        this.email = email;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.active = true;
        roles.add(new RoleGrant(Role.STAFF, null));
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}");

    /** Whether an e-mail address has a plausible form (at most 254 characters, one @, a dot in the domain). */
    public static boolean validEmail(String email) {
        return email != null && email.strip().length() <= 254 && EMAIL.matcher(email.strip()).matches();
    }

    /** The person with this login name (compared as {@link #normaliseLogin} stores it), if there is one. */
    public static Optional<Person> byLogin(EntityManager em, String login) {
        return em.createNamedQuery(BY_LOGIN, Person.class).setParameter("login", normaliseLogin(login))
                .getResultList().stream().findFirst();
    }

    /** Whether a (normalised) login name has the allowed form. */
    public static boolean validLogin(String login) {
        return login != null && LOGIN.matcher(login).matches();
    }

    /** Login names are compared case-insensitively: they are stored lower-case and trimmed. */
    public static String normaliseLogin(String login) {
        return Logins.normalise(login);
    }

    /** Gives the person a (new) name; the search keys derived from it follow (A5). */
    public void rename(String fullName) {
        this.fullName = DisplayText.name(fullName, MAX_NAME).orElseThrow(
                () -> new IllegalArgumentException("a person needs a visible name of at most 64 characters"));
        this.nameInitials = PinyinInitials.of(this.fullName);
        this.namePinyin = PinyinSpelling.of(this.fullName);
    }

    /** Grants a university-wide role (the caller ends the person's sessions, S3). */
    public void grant(Role role) {
        roles.add(new RoleGrant(role, null));
    }

    /** Grants a unit-scoped role (UNIT_LEADER, UNIT_IT) for the given unit (the caller ends the sessions, S3). */
    public void grant(Role role, Unit scope) {
        roles.add(new RoleGrant(role, scope));
    }

    /** Takes back a role (for that unit, if unit-scoped); returns whether the person held it. */
    public boolean revoke(Role role, Unit scope) {
        if (role == Role.STAFF) {
            throw new IllegalArgumentException("every person is STAFF");
        }
        return roles.remove(new RoleGrant(role, scope));
    }

    /** The units a unit-scoped role was granted for. */
    public List<Unit> scopesOf(Role role) {
        return roles.stream().filter(g -> g.getRole() == role && g.getScope() != null).map(RoleGrant::getScope)
                .distinct().toList();
    }

    public boolean hasRole(Role role) {
        return roles.stream().anyMatch(g -> g.getRole() == role);
    }

    /** The distinct roles held, whatever their scope: the person's security groups. */
    public Set<Role> roleSet() {
        Set<Role> result = EnumSet.noneOf(Role.class);
        roles.forEach(g -> result.add(g.getRole()));
        return result;
    }

    public Set<RoleGrant> getRoles() {
        return Collections.unmodifiableSet(roles);
    }

    /** True if the person holds {@code role} for {@code unit} itself or for a unit above it. */
    public boolean holdsFor(Role role, Unit unit) {
        for (Unit u = unit; u != null; u = u.getParent()) {
            Unit scope = u;
            if (roles.stream().anyMatch(g -> g.getRole() == role && g.getScope() != null
                    && g.getScope().getId() != null && g.getScope().getId().equals(scope.getId()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A deactivated person keeps their record but cannot log in (O2.6). The caller ends their sessions and settles a
     * leaver report against them.
     */
    public void deactivate() {
        if (!active) {
            throw new IllegalStateException(this + " is already deactivated");
        }
        active = false;
    }

    public void reactivate() {
        if (active) {
            throw new IllegalStateException(this + " is active");
        }
        active = true;
    }

    /**
     * Moves the person to another primary unit; unit-scoped roles stay with the unit they were granted for. The caller
     * records the move as the confirmation of the person's membership of the new unit (O3.2).
     */
    public void moveTo(Unit unit) {
        if (unit == null || unit == this.unit) {
            throw new IllegalArgumentException(this + " needs another unit to move to");
        }
        this.unit = unit;
    }

    public Long getId() {
        return id;
    }

    public String getLogin() {
        return login;
    }

    public String getFullName() {
        return fullName;
    }

    public String getNameInitials() {
        return nameInitials;
    }

    public String getNamePinyin() {
        return namePinyin;
    }

    public Unit getUnit() {
        return unit;
    }

    public String getEmail() {
        return email;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Person[" + login + "]";
    }
}
