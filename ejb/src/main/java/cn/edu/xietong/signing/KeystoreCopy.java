package cn.edu.xietong.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.crypto.spec.PBEParameterSpec;

/**
 * A copy of the server keystore under another password, for a backup set whose operator asked for the keystore (E3,
 * O2.2) and for putting it back at a restore. The keystore is left out of backup sets by default: it holds the key that
 * seals second-factor secrets and the key that signs flow trails and the audit chain, so a set that carried it as it
 * is would let whoever takes the set unseal those secrets and sign a forged trail. With a <em>backup passphrase</em>
 * (at least {@value #MIN_PASSPHRASE} characters, kept apart from the sets) every entry is re-encrypted with
 * PBKDF2-HMAC-SHA-256 ({@value #ITERATIONS} iterations) and AES-256 (PKCS#12 PBES2), so the set alone still reveals
 * nothing.
 * <p>
 * The passphrase comes from the environment ({@code XIETONG_BACKUP_PASSPHRASE}) or from a file readable by the server's
 * account only, named by {@code -Dxietong.backup.passphraseFile}; never from a page, a job parameter or the database.
 */
public final class KeystoreCopy {

    /** The file a backup set keeps the re-encrypted keystore in. */
    public static final String FILE_NAME = "keystore.p12";
    public static final String PASSPHRASE_VARIABLE = "XIETONG_BACKUP_PASSPHRASE";
    public static final String PASSPHRASE_FILE = "xietong.backup.passphraseFile";
    public static final int MIN_PASSPHRASE = 16;
    static final int ITERATIONS = 600_000;
    private static final String PROTECTION = "PBEWithHmacSHA256AndAES_256";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OTHERS =
            EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private KeystoreCopy() {
    }

    /**
     * The backup passphrase this server was given, if any.
     *
     * @throws IllegalStateException when one is given but shorter than {@value #MIN_PASSPHRASE} characters, or its file
     *                               cannot be read or is readable by others than the server's account
     */
    public static Optional<char[]> passphrase(UnaryOperator<String> environment, UnaryOperator<String> properties) {
        String value = environment.apply(PASSPHRASE_VARIABLE);
        String file = properties.apply(PASSPHRASE_FILE);
        if ((value == null || value.isEmpty()) && file != null && !file.isBlank()) {
            Path path = Path.of(file.strip());
            try {
                if (path.getFileSystem().supportedFileAttributeViews().contains("posix")
                        && !Collections.disjoint(Files.getPosixFilePermissions(path), OTHERS)) {
                    throw new IllegalStateException("the backup passphrase file " + path
                            + " is readable by others than the server's account: chmod 600 it");
                }
                value = Files.readString(path).strip();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the backup passphrase file " + path + ": " + e, e);
            }
        }
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() < MIN_PASSPHRASE) {
            throw new IllegalStateException("the backup passphrase has " + value.length() + " characters; at least "
                    + MIN_PASSPHRASE + " are needed for the keystore to go into backup sets");
        }
        return Optional.of(value.toCharArray());
    }

    /**
     * Writes a copy of the keystore {@code from} (opened with {@code fromPassword}) to {@code to}, every entry and the
     * store's integrity protected by {@code toPassword}; the copy is readable by the server's account only and appears
     * whole or not at all.
     *
     * @throws FileAlreadyExistsException when {@code to} exists and {@code replace} is false
     * @throws IOException                when the keystore cannot be read with its password or the copy written
     */
    public static void reencrypt(Path from, char[] fromPassword, Path to, char[] toPassword, boolean replace)
            throws IOException {
        if (!replace && Files.exists(to)) {
            throw new FileAlreadyExistsException(to.toString(), null, "a keystore is there already");
        }
        try {
            KeyStore source = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(from)) {
                source.load(in, fromPassword);
            }
            KeyStore copy = KeyStore.getInstance("PKCS12");
            copy.load(null, toPassword);
            KeyStore.PasswordProtection opening = new KeyStore.PasswordProtection(fromPassword);
            for (String alias : Collections.list(source.aliases())) {
                byte[] salt = new byte[16];
                RANDOM.nextBytes(salt);
                copy.setEntry(alias, source.getEntry(alias, opening), new KeyStore.PasswordProtection(toPassword,
                        PROTECTION, new PBEParameterSpec(salt, ITERATIONS)));
            }
            Files.createDirectories(to.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(to.toAbsolutePath().getParent(), ".keystore", ".tmp");
            try {
                ServerKeys.ownerOnly(temporary);
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    copy.store(out, toPassword);
                }
                if (replace) {
                    Files.move(temporary, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(temporary, to, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("the keystore " + from + " cannot be opened with the password given: " + e, e);
        }
    }

    /**
     * Opens a keystore copy with its password and answers its entries' names.
     *
     * @throws IOException when it cannot be read or the password does not open it
     */
    public static List<String> open(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyStore.PasswordProtection opening = new KeyStore.PasswordProtection(password);
            List<String> aliases = Collections.list(store.aliases());
            for (String alias : aliases) {
                store.getEntry(alias, opening);
            }
            return aliases;
        } catch (GeneralSecurityException | IOException e) {
            throw new IOException("the keystore " + file + " does not open with the passphrase given: " + e, e);
        }
    }

    /** Overwrites a password held in memory once it is no longer needed. */
    public static void forget(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
