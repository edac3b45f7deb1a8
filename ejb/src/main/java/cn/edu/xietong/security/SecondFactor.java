package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A person's second factor (S2): a TOTP secret (sealed by {@link ServerKeys}) and one-time recovery codes. It is
 * pending from the moment a QR code is shown until the person proves with a first code that their app has it; only
 * an enrolled second factor is asked for at login.
 */
@Entity
@Table(name = "second_factor")
@NamedQuery(name = SecondFactor.ENROLLED_IN_UNITS, query = "select f.personId from SecondFactor f"
        + " where f.enrolledAt is not null and f.person.unit.id in :units")
@NamedQuery(name = SecondFactor.UNKEYED_RECOVERY_CODES, query = "select f from SecondFactor f"
        + " where f.recoverySalt is null and f.enrolledAt is not null")
public class SecondFactor {

    public static final String ENROLLED_IN_UNITS = "SecondFactor.enrolledInUnits";
    static final String UNKEYED_RECOVERY_CODES = "SecondFactor.unkeyedRecoveryCodes";

    @Id
    @Column(name = "person_id")
    private Long personId;

    @MapsId
    @OneToOne(optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Column(name = "sealed_secret", nullable = false, length = 200)
    private String sealedSecret;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "enrolled_at")
    private Instant enrolledAt;

    /** The newest time step whose code was accepted: no code is accepted twice. */
    @Column(name = "last_used_step", nullable = false)
    private long lastUsedStep;

    /**
     * The random salt the recovery codes' digests are keyed with (hex), new with each set of codes; null for codes
     * stored in the old unkeyed form (plain SHA-256) that {@link RecoveryCodeUpgrade} has not keyed yet.
     */
    @Column(name = "recovery_salt", length = 32)
    private String recoverySalt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recovery_code", joinColumns = @JoinColumn(name = "person_id"))
    private List<RecoveryCode> recoveryCodes = new ArrayList<>();

    @Version
    private long version;

    protected SecondFactor() {
    }

    SecondFactor(Person person, String sealedSecret, Instant createdAt) {
        this.person = Objects.requireNonNull(person, "person");
        this.sealedSecret = Objects.requireNonNull(sealedSecret, "sealedSecret");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Starts over with a new secret (a new QR code); whatever was enrolled before stops counting. */
    void restart(String sealedSecret, Instant at) {
        this.sealedSecret = Objects.requireNonNull(sealedSecret, "sealedSecret");
        this.createdAt = at;
        this.enrolledAt = null;
        this.lastUsedStep = 0;
        this.recoverySalt = null;
        this.recoveryCodes.clear();
    }

    /** The app showed the right code: the second factor counts from now on, with these recovery codes. */
    void enrol(long step, Instant at, String salt, List<String> recoveryCodeHashes) {
        if (enrolledAt != null) {
            throw new IllegalStateException(person + " is already enrolled");
        }
        used(step);
        enrolledAt = at;
        replaceRecoveryCodes(salt, recoveryCodeHashes);
    }

    void used(long step) {
        if (step <= lastUsedStep) {
            throw new IllegalStateException("step " + step + " already used");
        }
        lastUsedStep = step;
    }

    /** New recovery codes: their digests keyed with {@code salt}. */
    void replaceRecoveryCodes(String salt, List<String> hashes) {
        recoverySalt = Objects.requireNonNull(salt, "salt");
        recoveryCodes.clear();
        hashes.forEach(h -> recoveryCodes.add(new RecoveryCode(h)));
    }

    /** Uses up the unused recovery code with that hash; false if there is none. */
    boolean useRecoveryCode(String hash, Instant at) {
        for (RecoveryCode code : recoveryCodes) {
            if (code.unusedWithHash(hash)) {
                code.use(at);
                return true;
            }
        }
        return false;
    }

    /**
     * Keys the digests of codes stored in the old form (plain SHA-256) with a new salt; false if they are keyed
     * already.
     */
    boolean keyLegacyCodes(String salt, UnaryOperator<String> keyed) {
        if (recoverySalt != null) {
            return false;
        }
        List<RecoveryCode> codes = new ArrayList<>(recoveryCodes);
        codes.forEach(c -> c.rekey(keyed.apply(c.codeHash())));
        recoveryCodes.clear(); // a new list, so that the collection is written again
        recoveryCodes.addAll(codes);
        recoverySalt = salt;
        return true;
    }

    String getRecoverySalt() {
        return recoverySalt;
    }

    public long remainingRecoveryCodes() {
        return recoveryCodes.stream().filter(RecoveryCode::unused).count();
    }

    public boolean isEnrolled() {
        return enrolledAt != null;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }

    String getSealedSecret() {
        return sealedSecret;
    }

    long getLastUsedStep() {
        return lastUsedStep;
    }

    public Person getPerson() {
        return person;
    }
}
