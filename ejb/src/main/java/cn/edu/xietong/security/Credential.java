package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person's password (S2): its hash (never the clear password), when it was set, whether it must be changed at the
 * next login, and the earlier hashes the policy refuses to take again. A person has one from the moment a password is
 * first set for them (an approval, an import, an administrator's reset); a person without one cannot log in.
 * Changing or resetting it ends the person's sessions: the services that call it do that ({@link SessionRecord}).
 */
@Entity
@Table(name = "credential")
@NamedQuery(name = Credential.IN_UNITS, query = "select c from Credential c where c.person.unit.id in :units")
public class Credential {

    static final String IN_UNITS = "Credential.inUnits";

    @Id
    @Column(name = "person_id")
    private Long personId;

    @MapsId
    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private Person person;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    /** Earlier password hashes, newest first (the current one is {@link #passwordHash}). */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "password_history", joinColumns = @JoinColumn(name = "person_id"))
    @OrderBy("changedAt DESC")
    private List<PreviousPassword> previousPasswords = new ArrayList<>();

    @Version
    private long version;

    protected Credential() {
    }

    Credential(Person person) {
        this.person = Objects.requireNonNull(person, "person");
    }

    /** The person's password, if one was ever set for them. */
    public static Optional<Credential> of(EntityManager em, Person person) {
        return person.getId() == null ? Optional.empty() : Optional.ofNullable(em.find(Credential.class, person.getId()));
    }

    /** The person's password record, made (without a password yet) when they have none: for callers that set one. */
    private static Credential forSetting(EntityManager em, Person person) {
        return of(em, person).orElseGet(() -> {
            Credential credential = new Credential(person);
            em.persist(credential);
            return credential;
        });
    }

    /**
     * A new account's first password (an approval, an import, the demo university, the first administrators): no
     * session can exist yet, so none ends. A temporary password must be changed at the first login.
     */
    public static Credential initial(EntityManager em, Person person, String hash, Instant at, boolean temporary) {
        if (of(em, person).isPresent()) {
            throw new IllegalStateException(person + " has a password already");
        }
        Credential credential = new Credential(person);
        credential.replacePassword(hash, at, 0);
        credential.mustChangePassword = temporary;
        em.persist(credential);
        return credential;
    }

    /**
     * The person chose a new password (hashed by the caller; the entity never sees a clear password): see
     * {@link #newPassword(String, Instant, int)}. All the person's sessions end ({@link SessionEnd#PASSWORD_CHANGED},
     * S3); the caller carries the one the password was changed in over to the returned epoch.
     *
     * @return the person's new session epoch
     */
    public static long newPassword(EntityManager em, Person person, String newHash, Instant at, int historySize) {
        forSetting(em, person).newPassword(newHash, at, historySize);
        SessionRecord sessions = SessionRecord.of(em, person);
        sessions.endSessions(SessionEnd.PASSWORD_CHANGED);
        return sessions.getSessionEpoch();
    }

    /**
     * An administrator set a password for the person: see {@link #resetPassword(String, Instant, int)}. All the
     * person's sessions end ({@link SessionEnd#PASSWORD_RESET}, S2).
     */
    public static Credential resetPassword(EntityManager em, Person person, String newHash, Instant at,
                                           int historySize) {
        Credential credential = forSetting(em, person);
        credential.resetPassword(newHash, at, historySize);
        SessionRecord.endSessions(em, person, SessionEnd.PASSWORD_RESET);
        return credential;
    }

    /**
     * The person chose a new password. The old hash joins the history, which keeps the newest {@code historySize};
     * the person need no longer change it.
     */
    public void newPassword(String newHash, Instant at, int historySize) {
        replacePassword(newHash, at, historySize);
        mustChangePassword = false;
    }

    /** An administrator set a password: the person must change it at their next login (S2). */
    public void resetPassword(String newHash, Instant at, int historySize) {
        replacePassword(newHash, at, historySize);
        mustChangePassword = true;
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

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Person getPerson() {
        return person;
    }

    @Override
    public String toString() {
        return "Credential[" + person + "]";
    }
}
