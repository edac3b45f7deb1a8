package cn.edu.xietong.signing;

import cn.edu.xietong.shared.ServerFiles;
import cn.edu.xietong.shared.StartupMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's own keys, kept in a PKCS#12 keystore outside the database, so that a copy of the database (a backup,
 * a dump) does not reveal what they protect. The keystore is made at the first start: {@code -Dxietong.keystore}
 * (default {@code <server data dir>/xietong/keys.p12}), readable by the server's account only (POSIX 600, made so
 * and tightened at every start where the file system has permissions), its password from
 * {@code XIETONG_KEYSTORE_PASSWORD}: outside demo mode the server refuses to start without it, since a built-in
 * password would protect nothing. Every server of a cluster needs the same file.
 * <p>
 * It holds the key that seals second-factor secrets at rest (S2; 等保 asks authentication data to be stored
 * encrypted): AES-256-GCM with a fresh 96-bit nonce per value; and the Ed25519 key that signs every action of a flow
 * (B3), whose public half verifiers use.
 */
@Singleton
@Startup
@Lock(LockType.READ)
public class ServerKeys {

    private static final Logger LOG = Logger.getLogger(ServerKeys.class.getName());
    private static final String SEALING = "secret-sealing";
    private static final String SIGNING = "trail-signing";
    private static final String SIGNING_PUBLIC = "trail-signing-public";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** Only in demo mode, where the keystore protects nothing of value. */
    static final String DEMO_PASSWORD = "xietong-keystore";

    private SecretKey sealing;
    private Ed25519PrivateKeyParameters signer;
    private PublicKey verifyingKey;
    private Ed25519PublicKeyParameters verifier;
    private String signingKeyId;

    @PostConstruct
    void load() {
        Path file = location();
        char[] password = password(System::getenv, StartupMode.demo());
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            if (Files.isRegularFile(file)) {
                ownerOnly(file);
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password);
                }
            } else {
                store.load(null, password);
            }
            boolean changed = false;
            if (!store.containsAlias(SEALING)) {
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256, RANDOM);
                store.setEntry(SEALING, new KeyStore.SecretKeyEntry(generator.generateKey()),
                        new KeyStore.PasswordProtection(password));
                changed = true;
            }
            if (!store.containsAlias(SIGNING)) {
                // PKCS#12 keeps a private key only with a certificate chain; the pair is kept as two encoded entries.
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                store.setEntry(SIGNING, new KeyStore.SecretKeyEntry(
                        new SecretKeySpec(pair.getPrivate().getEncoded(), "Ed25519")),
                        new KeyStore.PasswordProtection(password));
                store.setEntry(SIGNING_PUBLIC, new KeyStore.SecretKeyEntry(
                        new SecretKeySpec(pair.getPublic().getEncoded(), "Ed25519")),
                        new KeyStore.PasswordProtection(password));
                changed = true;
            }
            if (changed) {
                save(store, file, password);
                LOG.info(() -> "made or completed the server keystore " + file);
            }
            sealing = (SecretKey) store.getKey(SEALING, password);
            KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
            byte[] privateBytes = store.getKey(SIGNING, password).getEncoded();
            signer = new Ed25519PrivateKeyParameters(ASN1OctetString.getInstance(
                    PrivateKeyInfo.getInstance(privateBytes).parsePrivateKey()).getOctets());
            byte[] publicBytes = store.getKey(SIGNING_PUBLIC, password).getEncoded();
            verifyingKey = ed25519.generatePublic(new X509EncodedKeySpec(publicBytes));
            verifier = new Ed25519PublicKeyParameters(signer.generatePublicKey().getEncoded(), 0);
            signingKeyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicBytes), 0, 8);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the server keystore " + file, e);
        }
    }

    static void save(KeyStore store, Path file, char[] password) throws IOException, GeneralSecurityException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "keys", ".tmp");
        ownerOnly(temporary);
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Readable and writable by the server's account only, where the file system has POSIX permissions. */
    static void ownerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    static Path location() {
        return ServerFiles.located("xietong.keystore", "keys.p12");
    }

    /**
     * The keystore's password from {@code XIETONG_KEYSTORE_PASSWORD}; the built-in one only in demo mode.
     *
     * @throws IllegalStateException outside demo mode without the variable: the server does not start
     */
    static char[] password(UnaryOperator<String> environment, boolean demo) {
        String fromEnvironment = environment.apply("XIETONG_KEYSTORE_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        if (demo) {
            return DEMO_PASSWORD.toCharArray();
        }
        throw new IllegalStateException("XIETONG_KEYSTORE_PASSWORD is not set: outside demo mode the server keystore "
                + location() + " (second-factor secrets, the trail signing key) needs its password from the "
                + "environment; set it (the same on every server of a cluster) and start again");
    }

    /** Encrypts and authenticates a value: Base64 of nonce followed by ciphertext and tag. */
    public String seal(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealing, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * Signs with the server's Ed25519 trail key (B3): Base64 of the signature. Bouncy Castle's Ed25519 signs about ten
     * times faster than the JDK's on the same key (which took 40% of the server's time under load); the signatures
     * are the same standard Ed25519 and the JDK verifies them.
     */
    public String sign(byte[] data) {
        Ed25519Signer ed25519 = new Ed25519Signer();
        ed25519.init(true, signer);
        ed25519.update(data, 0, data.length);
        return Base64.getEncoder().encodeToString(ed25519.generateSignature());
    }

    /** Whether a Base64 signature of the data holds under the trail key (Bouncy Castle, as fast as signing). */
    public boolean verifies(byte[] data, String signatureBase64) {
        try {
            Ed25519Signer ed25519 = new Ed25519Signer();
            ed25519.init(false, verifier);
            ed25519.update(data, 0, data.length);
            return ed25519.verifySignature(Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    /**
     * The keystore as the administrator's configuration page shows it (O2.1): its file, whether it is there, when it
     * was made (the file's creation time, else its last change), the algorithms of its keys and the trail key's id.
     */
    public record KeystoreState(String file, boolean present, java.time.Instant created, String algorithms,
                                String trailKeyId) implements java.io.Serializable {
    }

    public KeystoreState state() {
        Path file = location();
        java.time.Instant created = null;
        boolean present = Files.isRegularFile(file);
        if (present) {
            try {
                var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                created = (attributes.creationTime().toMillis() > 0 ? attributes.creationTime()
                        : attributes.lastModifiedTime()).toInstant();
            } catch (IOException e) {
                LOG.fine(() -> "cannot read the keystore's times: " + e);
            }
        }
        return new KeystoreState(file.toString(), present, created,
                "PKCS#12: AES-256 (sealing), Ed25519 (signing)", signingKeyId);
    }

    /**
     * Writes a copy of the keystore, encrypted with the backup passphrase, into a backup set ({@link KeystoreCopy}:
     * why the keystore goes into a set only so).
     */
    public void copyForBackup(Path to, char[] passphrase) throws IOException {
        char[] password = password(System::getenv, StartupMode.demo());
        try {
            KeystoreCopy.reencrypt(location(), password, to, passphrase, true);
        } finally {
            KeystoreCopy.forget(password);
        }
    }

    /** The public half of the trail key, for verifiers inside and outside the server. */
    public PublicKey trailPublicKey() {
        return verifyingKey;
    }

    /** A short name of the trail key (the first 8 bytes of the SHA-256 of its public key, hex), stored with each signature. */
    public String trailKeyId() {
        return signingKeyId;
    }

    /**
     * HMAC-SHA256 of {@code data} (hex) under a key of its own for {@code purpose}, derived from the sealing key
     * (HMAC-SHA256 of the purpose under it), so that values kept for one purpose, such as recovery codes (S2), cannot
     * be tested against guesses by whoever holds a copy of the database but not the keystore.
     */
    public String keyedDigest(String purpose, byte[] data) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(sealing.getEncoded(), "HmacSHA256"));
            byte[] purposeKey = derive.doFinal(("xietong/" + purpose).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** Opens a value sealed by {@link #seal}; fails if it was altered or sealed with another key. */
    public byte[] open(String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealing, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open with this server's key", e);
        }
    }
}
