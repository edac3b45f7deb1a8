package cn.edu.xietong.documents;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Fills libraries with content the system made itself (the demo university's documents): no upload check and no
 * scan, for these bytes come from no one. Never for what a person sends: that goes through {@link Documents#upload}.
 */
public final class LibrarySeed {

    private LibrarySeed() {
    }

    public static Library unitLibrary(EntityManager em, Unit unit, Instant now) {
        Library library = new Library(unit, now);
        em.persist(library);
        return library;
    }

    public static Library publicLibrary(EntityManager em) {
        return em.find(Library.class, Library.PUBLIC_ID);
    }

    public static Folder folder(EntityManager em, Library library, Folder parent, String name, Instant now) {
        Folder folder = new Folder(library, parent, name, false, now);
        em.persist(folder);
        return folder;
    }

    /** A right for a unit's members or a role's holders on a whole library. */
    public static void grant(EntityManager em, Library library, Unit unit, String role, Access access, Instant now) {
        em.persist(new DocumentGrant(library, null, null, unit != null ? Grantee.UNIT : Grantee.ROLE, unit, role, null,
                access, now, "system"));
    }

    /** A document of one version holding these bytes, written to the content store. */
    public static Document document(EntityManager em, Library library, Folder folder, String fileName,
                                    String contentType, byte[] bytes, Level level, Unit owner, Person author,
                                    Instant now) {
        String sha256;
        try {
            sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            Path target = ContentStore.pathOf(sha256);
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Path temporary = Files.createTempFile(target.getParent(), "seed-", ".part");
                Files.write(temporary, bytes);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (em.find(ContentBlob.class, sha256) == null) {
            em.persist(new ContentBlob(sha256, bytes.length, now));
        }
        Document document = new Document(library, folder, fileName, level, owner, author, now);
        em.persist(document);
        em.persist(new DocumentVersion(document, 1, new StoredContent(fileName, contentType, bytes.length, sha256,
                null), author, now));
        return document;
    }
}
