package cn.edu.xietong.security;

import cn.edu.xietong.signing.ServerKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keys the recovery codes stored before they were keyed (S2). Those rows hold the plain SHA-256 of each code, which a
 * copy of the database would let anyone test guesses against offline. The codes themselves are not known, but their
 * SHA-256 is all the keyed digest needs ({@link SecondFactors#recoveryDigest}), so the old rows are keyed in place at
 * the server's start and go on working; nobody has to make new codes. Until then (and should this fail) the old form
 * is still recognised, by the factor's missing salt. A schema migration cannot do this: the key is in the server's
 * keystore, not in the database.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@PermitAll
public class RecoveryCodeUpgrade {

    private static final Logger LOG = Logger.getLogger(RecoveryCodeUpgrade.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private ServerKeys keys;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void atStart() {
        try {
            int keyed = keyLegacyCodes();
            if (keyed > 0) {
                LOG.info(() -> "recovery codes of " + keyed + " second factors keyed (stored unkeyed before)");
            }
        } catch (RuntimeException e) {
            // the server still starts: codes of the old form keep working until a later start keys them
            LOG.log(Level.WARNING, "recovery codes stored unkeyed could not be keyed; they still work", e);
        }
    }

    /** Keys every second factor's recovery codes still stored unkeyed; returns how many factors it keyed. */
    public int keyLegacyCodes() {
        int keyed = 0;
        for (SecondFactor factor : em.createNamedQuery(SecondFactor.UNKEYED_RECOVERY_CODES, SecondFactor.class)
                .getResultList()) {
            String salt = SecondFactors.newSalt();
            if (factor.keyLegacyCodes(salt, sha256 -> SecondFactors.recoveryDigest(keys, salt, sha256))) {
                keyed++;
            }
        }
        return keyed;
    }
}
