package cn.edu.xietong.directory;

import cn.edu.xietong.shared.DisplayText;
import cn.edu.xietong.shared.Logins;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
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
 * A member of staff: one primary unit, a login name, the roles granted to them and (once set) a password hash.
 * Every person holds STAFF. A deactivated person keeps their record (history, later their documents) but cannot log in.
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
@NamedQuery(name = Person.LEAVERS_REPORTED, query = "select p from Person p where p.active = true"
        + " and p.leaverReportedAt is not null order by p.leaverReportedAt")
@NamedQuery(name = Person.UNCONFIRMED_SINCE, query = "select p from Person p where p.active = true"
        + " and (p.confirmedAt is null or p.confirmedAt < :since) order by p.unit.code, p.fullName, p.login")
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

    public static final String LEAVERS_REPORTED = "Person.leaversReported";
    public static final String UNCONFIRMED_SINCE = "Person.unconfirmedSince";

    /** Login names: lower-case letters, digits, dot, dash and underscore, starting with a letter. */
    /** The longest full name (S3: a longer one is refused, never cut). */
    public static final int MAX_NAME = 64;
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

    @Column(name = "password_hash", length = 255)
    private String passwordHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "last_seen_at")
    private Instant lastSeenAt;

    /** Names the newest login's session (S3: with one session per account, older sessions end). */
    @Column(name = "session_marker", length = 64)
    private String sessionMarker;

    /**
     * Counts the changes that ended all of the person's sessions (S2, S3): a session is good only while the count it
     * began with is still the person's. Kept in the database, so every server of a cluster sees it.
     */
    @Column(name = "session_epoch", nullable = false)
    private long sessionEpoch;

    /** Why the person's sessions last ended, for the login page to say. */
    @Enumerated(EnumType.STRING)
    @Column(name = "sessions_ended_by", length = 32)
    private SessionEnd sessionsEndedBy;

    /** Earlier password hashes, newest first (the current one is {@link #passwordHash}). */
    /** When the unit's IT staff last confirmed that the person still belongs to the unit (O3.2). */
    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "confirmed_by", length = 64)
    private String confirmedBy;

    /** Reported by the unit's IT staff as no longer belonging, for the system administrator to act on. */
    @Column(name = "leaver_reported_at")
    private Instant leaverReportedAt;

    @Column(name = "leaver_reported_by", length = 64)
    private String leaverReportedBy;

    @Column(name = "leaver_reason", length = 500)
    private String leaverReason;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "password_history", joinColumns = @JoinColumn(name = "person_id"))
    @OrderBy("changedAt DESC")
    private List<PreviousPassword> previousPasswords = new ArrayList<>();

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
        this.confirmedAt = createdAt; // a new account was approved for its unit: its first confirmation
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

    /** Grants a university-wide role. */
    public void grant(Role role) {
        if (roles.add(new RoleGrant(role, null))) {
            endSessions(SessionEnd.ROLES_CHANGED);
        }
    }

    /** Grants a unit-scoped role (UNIT_LEADER, UNIT_IT) for the given unit. */
    public void grant(Role role, Unit scope) {
        if (roles.add(new RoleGrant(role, scope))) {
            endSessions(SessionEnd.ROLES_CHANGED);
        }
    }

    /** Takes back a role (for that unit, if unit-scoped); returns whether the person held it. */
    public boolean revoke(Role role, Unit scope) {
        if (role == Role.STAFF) {
            throw new IllegalArgumentException("every person is STAFF");
        }
        boolean held = roles.remove(new RoleGrant(role, scope));
        if (held) {
            endSessions(SessionEnd.ROLES_CHANGED);
        }
        return held;
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

    /**
     * The person chose a new password (hashed by the caller; the entity never sees a clear password). The old hash
     * joins the history, which keeps the newest {@code historySize}. The person's sessions end: the caller carries
     * the one the password was changed in over to the new {@link #getSessionEpoch()}.
     */
    public void newPassword(String newHash, Instant at, int historySize) {
        replacePassword(newHash, at, historySize);
        mustChangePassword = false;
        endSessions(SessionEnd.PASSWORD_CHANGED);
    }

    /**
     * An administrator set a password for the person: they must change it at their next login, and their sessions
     * end (S2).
     */
    public void resetPassword(String newHash, Instant at, int historySize) {
        replacePassword(newHash, at, historySize);
        mustChangePassword = true;
        endSessions(SessionEnd.PASSWORD_RESET);
    }

    /** The same password, hashed at today's cost: neither its date nor the history change. */
    public void upgradeHash(String newHash) {
        requireHash(newHash);
        passwordHash = newHash;
    }

    private void replacePassword(String newHash, Instant at, int historySize) {
        requireHash(newHash);
        if (passwordHash != null) {
            previousPasswords.add(0, new PreviousPassword(passwordHash, passwordChangedAt != null ? passwordChangedAt : at));
        }
        while (previousPasswords.size() > historySize) {
            previousPasswords.remove(previousPasswords.size() - 1);
        }
        passwordHash = newHash;
        passwordChangedAt = Objects.requireNonNull(at, "at");
    }

    private static void requireHash(String hash) {
        if (hash == null || hash.isBlank()) {
            throw new IllegalArgumentException("a password hash is required");
        }
    }

    /** The current and the remembered earlier password hashes, newest first. */
    public List<String> recentPasswordHashes() {
        List<String> hashes = new ArrayList<>();
        if (passwordHash != null) {
            hashes.add(passwordHash);
        }
        previousPasswords.forEach(p -> hashes.add(p.getHash()));
        return hashes;
    }

    /** A login succeeded; {@code sessionMarker} names its session from now on. */
    public void loggedIn(Instant at, String sessionMarker) {
        lastLoginAt = at;
        lastSeenAt = at;
        this.sessionMarker = sessionMarker;
    }

    /** Ends every session the person has: each ends at its next request, on whichever server it is (S2, S3). */
    public void endSessions(SessionEnd why) {
        sessionEpoch++;
        sessionsEndedBy = Objects.requireNonNull(why, "why");
    }

    /** The count a new session begins with; an older session whose count differs has ended. */
    public long getSessionEpoch() {
        return sessionEpoch;
    }

    /** Why the person's sessions last ended; {@code null} if they never were. */
    public SessionEnd getSessionsEndedBy() {
        return sessionsEndedBy;
    }

    /** Last activity (B1); {@code null} after a logout. */
    public void seenAt(Instant at) {
        lastSeenAt = at;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    /** When the person last logged in; {@code null} if never. */
    public Instant getLastLoginAt() {
        return lastLoginAt;
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

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    /** The unit's IT staff confirm that the person still belongs to the unit (O3.2); a leaver report is withdrawn. */
    public void confirmMembership(Instant at, String by) {
        if (!active) {
            throw new IllegalStateException(this + " is deactivated");
        }
        confirmedAt = Objects.requireNonNull(at, "at");
        confirmedBy = by;
        clearLeaverReport();
    }

    /** The unit's IT staff report that the person no longer belongs (O3.2): the system administrator acts on it. */
    public void reportLeaver(Instant at, String by, String reason) {
        if (!active) {
            throw new IllegalStateException(this + " is deactivated");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new IllegalArgumentException("a leaver report needs a reason of at most 500 characters");
        }
        leaverReportedAt = Objects.requireNonNull(at, "at");
        leaverReportedBy = by;
        leaverReason = reason.strip();
    }

    private void clearLeaverReport() {
        leaverReportedAt = null;
        leaverReportedBy = null;
        leaverReason = null;
    }

    /**
     * A deactivated person keeps their record but cannot log in (O2.6), and their sessions end; a leaver report is
     * settled by it.
     */
    public void deactivate() {
        if (!active) {
            throw new IllegalStateException(this + " is already deactivated");
        }
        active = false;
        clearLeaverReport();
        endSessions(SessionEnd.DEACTIVATED);
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public String getConfirmedBy() {
        return confirmedBy;
    }

    public Instant getLeaverReportedAt() {
        return leaverReportedAt;
    }

    public String getLeaverReportedBy() {
        return leaverReportedBy;
    }

    public String getLeaverReason() {
        return leaverReason;
    }

    public void reactivate() {
        if (active) {
            throw new IllegalStateException(this + " is active");
        }
        active = true;
    }

    /**
     * Moves the person to another primary unit; unit-scoped roles stay with the unit they were granted for. The move
     * is the administrator's confirmation for the new unit, and settles a leaver report.
     */
    public void moveTo(Unit unit, Instant at, String by) {
        if (unit == null || unit == this.unit) {
            throw new IllegalArgumentException(this + " needs another unit to move to");
        }
        this.unit = unit;
        confirmedAt = at;
        confirmedBy = by;
        clearLeaverReport();
    }

    public boolean canLogIn() {
        return active && passwordHash != null;
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

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Person[" + login + "]";
    }
}
