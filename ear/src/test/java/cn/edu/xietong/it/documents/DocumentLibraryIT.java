package cn.edu.xietong.it.documents;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditRecord;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.documents.Access;
import cn.edu.xietong.documents.ContentBlob;
import cn.edu.xietong.documents.ContentStore;
import cn.edu.xietong.documents.DocumentContent;
import cn.edu.xietong.documents.DocumentDownloads;
import cn.edu.xietong.documents.DocumentState;
import cn.edu.xietong.documents.Documents;
import cn.edu.xietong.documents.Grantee;
import cn.edu.xietong.documents.Level;
import cn.edu.xietong.documents.Libraries;
import cn.edu.xietong.documents.Listing;
import cn.edu.xietong.documents.OpenedDocument;
import cn.edu.xietong.documents.Readers;
import cn.edu.xietong.files.IncomingFile;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.Clamd;
import cn.edu.xietong.it.support.SampleFiles;
import cn.edu.xietong.it.support.SamplePdf;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Document libraries (O3.5, E2, S4, S1) through the services on the real database and content store: folders and
 * their rules, versions and check-out, rights inherited from folders, archive and recycle bin, levels, the E2 copy,
 * the refused download of a controlled document, and content stored once per SHA-256.
 */
@ExtendWith(ArquillianExtension.class)
class DocumentLibraryIT {

    private static final String PASSWORD = "Documents#2026x";

    @EJB
    private TestData data;

    @EJB
    private Libraries libraries;

    @EJB
    private Documents documents;

    @EJB
    private DocumentDownloads downloads;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    /**
     * A fresh unit with its IT staff (the library's manager) and a member of staff; the manager lets the unit's members
     * write in their library (by default they read it).
     */
    private record Team(Unit unit, Person it, Person staff, long library) {
    }

    private Team team() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person staff = data.personIn(unit, PASSWORD, cheap);
        long library = AsPerson.call(staff, () -> libraries.myUnitLibrary());
        AsPerson.call(it, () -> libraries.grant(library, null, null, Grantee.UNIT, unit.getId(), null, null,
                Access.WRITE));
        return new Team(unit, it, staff, library);
    }

    private static InputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String unique() {
        return UUID.randomUUID().toString();
    }

    private long upload(Person who, long library, Long folder, String name, Level level) throws Exception {
        return AsPerson.call(who, () -> documents.upload(library, folder, name, text("内容 " + unique()), level, null));
    }

    @Test
    void aUnitsMembersReadItsLibraryAndWriteOnlyOnceTheManagerLetsThem() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person staff = data.personIn(unit, PASSWORD, cheap);
        long library = AsPerson.call(staff, () -> libraries.myUnitLibrary());
        assertEquals(Access.READ, AsPerson.call(staff, () -> libraries.list(library, null)).access());
        assertEquals(Access.MANAGE, AsPerson.call(it, () -> libraries.list(library, null)).access());
        assertThrows(EJBAccessException.class, () -> AsPerson.call(staff,
                () -> documents.upload(library, null, "a.txt", text("x"), Level.INTERNAL, null)));
        AsPerson.call(it, () -> libraries.grant(library, null, null, Grantee.UNIT, unit.getId(), null, null,
                Access.WRITE));
        assertEquals(Access.WRITE, AsPerson.call(staff, () -> libraries.list(library, null)).access());
    }

    @Test
    void foldersFormATreeWhereACycleAndANameClashAreRefused() throws Exception {
        Team t = team();
        long a = AsPerson.call(t.staff(), () -> libraries.createFolder(t.library(), null, "规章制度"));
        long b = AsPerson.call(t.staff(), () -> libraries.createFolder(t.library(), a, "2026"));
        long c = AsPerson.call(t.staff(), () -> libraries.createFolder(t.library(), b, "上半年"));
        DomainException cycle = assertThrows(DomainException.class,
                () -> AsPerson.run(t.staff(), () -> libraries.moveFolder(a, c)));
        assertEquals("document.folder.cycle", cycle.messageKey());
        DomainException self = assertThrows(DomainException.class,
                () -> AsPerson.run(t.staff(), () -> libraries.moveFolder(a, a)));
        assertEquals("document.folder.cycle", self.messageKey());
        DomainException clash = assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> libraries.createFolder(t.library(), a, "2026")));
        assertEquals("document.nameClash", clash.messageKey());
        long other = AsPerson.call(t.staff(), () -> libraries.createFolder(t.library(), null, "2026"));
        DomainException moveClash = assertThrows(DomainException.class,
                () -> AsPerson.run(t.staff(), () -> libraries.moveFolder(other, a)));
        assertEquals("document.nameClash", moveClash.messageKey());

        AsPerson.run(t.staff(), () -> libraries.moveFolder(c, null));
        Listing root = AsPerson.call(t.staff(), () -> libraries.list(t.library(), null));
        assertEquals(List.of("2026", "上半年", "规章制度"),
                root.folders().stream().map(Listing.FolderLine::name).sorted().toList());
        Listing inB = AsPerson.call(t.staff(), () -> libraries.list(t.library(), b));
        assertEquals(List.of("规章制度", "2026"), inB.path().stream().map(Listing.Crumb::name).toList());
    }

    @Test
    void aNewVersionKeepsTheOldOnesAndACheckOutBlocksAnotherPersonsVersion() throws Exception {
        Team t = team();
        Person colleague = data.personIn(t.unit(), PASSWORD, cheap);
        long id = AsPerson.call(t.staff(), () -> documents.upload(t.library(), null, "值班表.txt", text("第一版"),
                Level.INTERNAL, null));
        AsPerson.call(colleague, () -> documents.addVersion(id, "值班表.txt", text("第二版")));
        OpenedDocument opened = AsPerson.call(t.staff(), () -> documents.open(id));
        assertEquals(List.of(1, 2), opened.versions().stream().map(OpenedDocument.VersionLine::number).toList());
        DocumentContent first = AsPerson.call(t.staff(), () -> downloads.open(opened.versions().get(0).id()));
        try (InputStream in = first.stream()) {
            assertEquals("第一版", new String(in.readAllBytes(), StandardCharsets.UTF_8), "the old version stays");
        }

        AsPerson.run(t.staff(), () -> documents.checkOut(id));
        DomainException locked = assertThrows(DomainException.class,
                () -> AsPerson.call(colleague, () -> documents.addVersion(id, "值班表.txt", text("第三版"))));
        assertEquals("document.lockedBy", locked.messageKey());
        assertEquals(t.staff().getFullName(), locked.arguments()[0], "the message names the holder");
        assertThrows(DomainException.class, () -> AsPerson.run(colleague, () -> documents.checkIn(id)));
        assertEquals(3, AsPerson.call(t.staff(), () -> documents.addVersion(id, "值班表.txt", text("第三版"))));

        assertThrows(EJBAccessException.class, () -> AsPerson.run(colleague, () -> documents.breakLock(id)),
                "only a manager breaks a lock");
        AsPerson.run(t.it(), () -> documents.breakLock(id));
        AuditRecord broken = data.audits(AuditEvent.DOCUMENT_CHANGE, t.it().getLogin()).get(0);
        assertTrue(broken.getDetail().contains(t.staff().getLogin()), broken.getDetail());
        assertEquals(4, AsPerson.call(colleague, () -> documents.addVersion(id, "值班表.txt", text("第四版"))));
    }

    @Test
    void aFolderGrantIsInheritedByEverythingBelowIt() throws Exception {
        Team t = team();
        Team other = team();
        long shared = AsPerson.call(t.staff(), () -> libraries.createFolder(t.library(), null, "共享"));
        long below = AsPerson.call(t.staff(), () -> libraries.createFolder(t.library(), shared, "细则"));
        long id = upload(t.staff(), t.library(), below, "细则.txt", Level.INTERNAL);
        long elsewhere = upload(t.staff(), t.library(), null, "内部.txt", Level.INTERNAL);
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.staff(), () -> documents.open(id)));
        assertThrows(EJBAccessException.class,
                () -> AsPerson.call(t.staff(), () -> libraries.grant(t.library(), shared, null, Grantee.UNIT,
                        other.unit().getId(), null, null, Access.READ)), "only a manager grants");

        AsPerson.call(t.it(), () -> libraries.grant(t.library(), shared, null, Grantee.UNIT, other.unit().getId(),
                null, null, Access.READ));
        assertEquals("细则.txt", AsPerson.call(other.staff(), () -> documents.open(id)).title());
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.staff(), () -> documents.open(elsewhere)),
                "a folder's grant does not reach outside it");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.staff(),
                () -> documents.addVersion(id, "细则.txt", text("改"))), "READ is not WRITE");
        assertEquals(Set.of(id), AsPerson.call(other.staff(), () -> libraries.readableAmong(List.of(id, elsewhere))));
        Readers readers = libraries.readers(id);
        assertTrue(readers.units().containsAll(Set.of(t.unit().getId(), other.unit().getId())), readers.toString());
        assertFalse(readers.allStaff());

        AsPerson.call(t.it(), () -> libraries.grant(t.library(), null, id, Grantee.PERSON, null, null,
                other.staff().getLogin(), Access.WRITE));
        assertEquals(2, AsPerson.call(other.staff(), () -> documents.addVersion(id, "细则.txt", text("改"))));
    }

    @Test
    void anotherUnitsDocumentOrAForgedIdIsRefused() throws Exception {
        Team t = team();
        Team other = team();
        long id = upload(t.staff(), t.library(), null, "本单位.txt", Level.PUBLIC);
        long version = AsPerson.call(t.staff(), () -> documents.open(id)).latest().id();
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.staff(), () -> documents.open(id)));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.staff(), () -> downloads.view(version)));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.staff(), () -> downloads.open(version)));
        assertThrows(EJBAccessException.class,
                () -> AsPerson.call(other.staff(), () -> libraries.list(t.library(), null)));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.staff(),
                () -> libraries.createFolder(t.library(), null, "闯入")));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.staff(), () -> documents.upload(
                t.library(), null, "闯入.txt", text("x"), Level.PUBLIC, null)));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(t.staff(), () -> documents.open(-7L)));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(t.staff(), () -> downloads.open(-7L)));
        assertFalse(AsPerson.call(other.staff(), () -> libraries.readable()).stream()
                .anyMatch(l -> l.id() == t.library()), "another unit's library is not offered");
    }

    @Test
    void anArchivedDocumentIsCopiedWithItsHashToTheBackupStoreTheMomentItIsArchived() throws Exception {
        Team t = team();
        String content = "档案 " + unique();
        long id = AsPerson.call(t.staff(), () -> documents.upload(t.library(), null, "会议纪要.txt", text(content),
                Level.INTERNAL, null));
        assertEquals(null, AsPerson.call(t.staff(), () -> documents.open(id)).archiveCopy(), "not before archiving");
        AsPerson.run(t.it(), () -> documents.archive(id, "GD-" + unique().substring(0, 8), 30));

        OpenedDocument archived = AsPerson.call(t.staff(), () -> documents.open(id));
        assertNotNull(archived.archiveCopy(), "the document shows that it was backed up");
        assertEquals(archived.latest().sha256(), archived.archiveCopy().sha256());
        java.nio.file.Path backup = java.nio.file.Path.of(System.getProperty("jboss.server.data.dir"), "xietong",
                "backup");
        try (var files = java.nio.file.Files.walk(backup.resolve("archived"))) {
            java.nio.file.Path copy = files.filter(p -> p.getFileName().toString()
                    .startsWith("document-" + id + "-v1-")).findFirst().orElseThrow();
            assertEquals(content, java.nio.file.Files.readString(copy));
            assertFalse(java.nio.file.Files.getPosixFilePermissions(copy)
                    .contains(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), "read-only");
        }
    }

    @Test
    void anArchivedDocumentIsReadOnlyUntilRestored() throws Exception {
        Team t = team();
        long id = upload(t.staff(), t.library(), null, "年度总结.txt", Level.INTERNAL);
        long second = upload(t.staff(), t.library(), null, "季度总结.txt", Level.INTERNAL);
        String number = "GD-" + unique().substring(0, 8);
        assertThrows(EJBAccessException.class, () -> AsPerson.run(t.staff(), () -> documents.archive(id, number, 10)),
                "archiving is the manager's");
        AsPerson.run(t.it(), () -> documents.archive(id, number, 10));
        OpenedDocument archived = AsPerson.call(t.staff(), () -> documents.open(id));
        assertEquals(DocumentState.ARCHIVED, archived.state());
        assertEquals(number, archived.archiveNumber());
        assertEquals(10, archived.retentionYears());
        DomainException readOnly = assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> documents.addVersion(id, "年度总结.txt", text("改"))));
        assertEquals("document.archived", readOnly.messageKey());
        assertThrows(DomainException.class, () -> AsPerson.run(t.staff(), () -> documents.bin(id)));
        DomainException taken = assertThrows(DomainException.class,
                () -> AsPerson.run(t.it(), () -> documents.archive(second, number, 5)));
        assertEquals("document.archive.numberTaken", taken.messageKey());

        AsPerson.run(t.it(), () -> documents.restoreFromArchive(id));
        assertEquals(2, AsPerson.call(t.staff(), () -> documents.addVersion(id, "年度总结.txt", text("改"))));
    }

    @Test
    void aBinnedDocumentLeavesTheListingAndComesBackWhenRestored() throws Exception {
        Team t = team();
        long id = upload(t.staff(), t.library(), null, "草稿.txt", Level.INTERNAL);
        AsPerson.run(t.staff(), () -> documents.bin(id));
        assertFalse(AsPerson.call(t.staff(), () -> libraries.list(t.library(), null)).documents().stream()
                .anyMatch(d -> d.id() == id));
        assertEquals(List.of(id), AsPerson.call(t.staff(), () -> libraries.bin(t.library())).stream()
                .map(Listing.DocumentLine::id).toList());
        assertTrue(libraries.readers(id).units().isEmpty(), "a binned document has no readers");
        AsPerson.run(t.staff(), () -> documents.restoreFromBin(id));
        assertTrue(AsPerson.call(t.staff(), () -> libraries.list(t.library(), null)).documents().stream()
                .anyMatch(d -> d.id() == id));

        AsPerson.run(t.staff(), () -> documents.bin(id));
        assertThrows(EJBAccessException.class, () -> AsPerson.run(t.staff(), () -> documents.purge(id)),
                "purging is the manager's");
        AsPerson.run(t.it(), () -> documents.purge(id));
        assertTrue(AsPerson.call(t.staff(), () -> libraries.bin(t.library())).isEmpty());
    }

    @Test
    void theLevelChangesOnlyByTheManagerWithAReasonAndIsAudited() throws Exception {
        Team t = team();
        long id = upload(t.staff(), t.library(), null, "考核办法.txt", Level.INTERNAL);
        assertThrows(EJBAccessException.class,
                () -> AsPerson.run(t.staff(), () -> documents.changeLevel(id, Level.PUBLIC, "公开")));
        DomainException noReason = assertThrows(DomainException.class,
                () -> AsPerson.run(t.it(), () -> documents.changeLevel(id, Level.CONTROLLED, "  ")));
        assertEquals("document.level.reasonRequired", noReason.messageKey());
        AsPerson.run(t.it(), () -> documents.changeLevel(id, Level.CONTROLLED, "含个人信息"));
        assertEquals(Level.CONTROLLED, AsPerson.call(t.staff(), () -> documents.open(id)).level());
        AuditRecord record = data.audits(AuditEvent.DOCUMENT_LEVEL, t.it().getLogin()).get(0);
        assertTrue(record.getDetail().contains("INTERNAL -> CONTROLLED") && record.getDetail().contains("含个人信息"),
                record.getDetail());
    }

    @Test
    void aControlledDocumentIsViewedButItsDownloadIsRefusedAndBothAreAudited() throws Exception {
        Team t = team();
        long id = AsPerson.call(t.staff(), () -> documents.upload(t.library(), null, "受控.pdf",
                new ByteArrayInputStream(SamplePdf.pages(1, "Controlled")), Level.CONTROLLED, null));
        long version = AsPerson.call(t.staff(), () -> documents.open(id)).latest().id();
        assertEquals("document.controlled.viewAsPages", assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> downloads.view(version))).messageKey(), "its file is never sent");
        assertEquals(1, AsPerson.call(t.staff(), () -> downloads.pages(version)), "it is viewed page by page");
        DomainException refused = assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> downloads.open(version)));
        assertEquals("document.controlled.needsApproval", refused.messageKey());
        assertEquals(AuditOutcome.DENIED,
                data.audits(AuditEvent.DOCUMENT_DOWNLOAD, t.staff().getLogin()).get(0).getOutcome());
        assertTrue(data.audits(AuditEvent.DOCUMENT_VIEW, t.staff().getLogin()).get(0).getDetail()
                .contains("document " + id));
    }

    @Test
    void aDepartmentsCopyOfItsPublicDocumentIsUntouchedByLaterEdits() throws Exception {
        Team t = team();
        Person admin = data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
        long publicLibrary = AsPerson.call(t.staff(), () -> libraries.readable()).stream()
                .filter(Listing.LibraryLine::publicLibrary).findFirst().orElseThrow().id();
        AsPerson.call(admin, () -> libraries.grant(publicLibrary, null, null, Grantee.PERSON, null, null,
                t.staff().getLogin(), Access.WRITE));
        String title = "公开制度-" + unique().substring(0, 6) + ".txt";
        long id = AsPerson.call(t.staff(), () -> documents.upload(publicLibrary, null, title, text("原文"),
                Level.PUBLIC, t.unit().getId()));
        AsPerson.call(t.staff(), () -> documents.addVersion(id, title, text("修订后")));

        Listing root = AsPerson.call(t.staff(), () -> libraries.list(t.library(), null));
        Listing.FolderLine copies = root.folders().stream().filter(Listing.FolderLine::copies).findFirst()
                .orElseThrow(() -> new AssertionError("the department lists its copies"));
        Listing.DocumentLine copy = AsPerson.call(t.staff(), () -> libraries.list(t.library(), copies.id()))
                .documents().stream().filter(d -> d.title().equals(title)).findFirst().orElseThrow();
        assertTrue(copy.copy());
        DocumentContent kept = AsPerson.call(t.staff(), () -> downloads.open(copy.latestVersionId()));
        try (InputStream in = kept.stream()) {
            assertEquals("原文", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        DomainException pinned = assertThrows(DomainException.class,
                () -> AsPerson.call(t.staff(), () -> documents.addVersion(copy.id(), title, text("改副本"))));
        assertEquals("document.copyIsPinned", pinned.messageKey());
        assertEquals(2, AsPerson.call(t.staff(), () -> documents.open(id)).versions().size());
    }

    @Test
    void theSameContentIsStoredOnce() throws Exception {
        Team t = team();
        byte[] same = ("同一内容 " + unique()).getBytes(StandardCharsets.UTF_8);
        long before = data.count(ContentBlob.class);
        long a = AsPerson.call(t.staff(), () -> documents.upload(t.library(), null, "甲.txt",
                new ByteArrayInputStream(same), Level.INTERNAL, null));
        long b = AsPerson.call(t.staff(), () -> documents.upload(t.library(), null, "乙.txt",
                new ByteArrayInputStream(same), Level.INTERNAL, null));
        assertNotEquals(a, b);
        assertEquals(before + 1, data.count(ContentBlob.class));
        String sha = AsPerson.call(t.staff(), () -> documents.open(a)).latest().sha256();
        assertEquals(sha, AsPerson.call(t.staff(), () -> documents.open(b)).latest().sha256());
        assertArrayEquals(same, Files.readAllBytes(ContentStore.pathOf(sha)));
        try (var files = Files.list(ContentStore.pathOf(sha).getParent())) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().equals(sha)).count());
        }
    }

    /** A file as the servlet container leaves a large multipart part: written once, on the store's disk. */
    private static IncomingFile received(byte[] bytes) throws Exception {
        Path part = Files.createDirectories(ContentStore.directory().resolveSibling("received-parts"))
                .resolve("part-" + unique());
        Files.write(part, bytes);
        return new IncomingFile() {
            @Override
            public InputStream open() throws java.io.IOException {
                return Files.newInputStream(part);
            }

            @Override
            public boolean moveTo(Path target) throws java.io.IOException {
                Files.move(part, target);
                return true;
            }

            @Override
            public String toString() {
                return part.toString();
            }
        };
    }

    @Test
    void aFileTheContainerAlreadyWroteIsMovedIntoTheStoreNotCopied() throws Exception {
        Team t = team();
        byte[] bytes = ("收到的文件 " + unique()).getBytes(StandardCharsets.UTF_8);
        IncomingFile incoming = received(bytes);
        Path part = Path.of(incoming.toString());
        long id = AsPerson.call(t.staff(), () -> documents.upload(t.library(), null, "收到.txt", incoming,
                Level.INTERNAL, null));
        assertFalse(Files.exists(part), "the part file was moved, not copied");
        String sha = AsPerson.call(t.staff(), () -> documents.open(id)).latest().sha256();
        assertEquals(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes)), sha);
        assertArrayEquals(bytes, Files.readAllBytes(ContentStore.pathOf(sha)));
    }

    @Test
    void aMovedFileThatIsRefusedLeavesNothingBehind() throws Exception {
        Team t = team();
        long before = data.count(ContentBlob.class);
        Path temporary = ContentStore.directory().resolve("tmp");
        long waiting;
        try (var files = Files.list(Files.createDirectories(temporary))) {
            waiting = files.count();
        }
        IncomingFile incoming = received(("MZ not a pdf " + unique()).getBytes(StandardCharsets.UTF_8));
        InvalidInputException mismatch = assertThrows(InvalidInputException.class, () -> AsPerson.call(t.staff(),
                () -> documents.upload(t.library(), null, "报告.pdf", incoming, Level.INTERNAL, null)));
        assertEquals("file.contentMismatch", mismatch.messageKey());
        assertEquals(before, data.count(ContentBlob.class));
        try (var files = Files.list(temporary)) {
            assertEquals(waiting, files.count(), "no temporary file stays in the store");
        }
    }

    @Test
    void aFileOfTheWrongTypeIsRefusedAndNothingIsStored() throws Exception {
        Team t = team();
        long before = data.count(ContentBlob.class);
        InvalidInputException mismatch = assertThrows(InvalidInputException.class, () -> AsPerson.call(t.staff(),
                () -> documents.upload(t.library(), null, "报告.pdf", text("MZ not a pdf " + unique()),
                        Level.INTERNAL, null)));
        assertEquals("file.contentMismatch", mismatch.messageKey());
        InvalidInputException program = assertThrows(InvalidInputException.class, () -> AsPerson.call(t.staff(),
                () -> documents.upload(t.library(), null, "setup.exe", text("MZ"), Level.INTERNAL, null)));
        assertEquals("file.typeNotAllowed", program.messageKey());
        assertEquals(before, data.count(ContentBlob.class));
        assertTrue(AsPerson.call(t.staff(), () -> libraries.list(t.library(), null)).documents().isEmpty());
        try (var temporary = Files.list(ContentStore.directory().resolve("tmp"))) {
            assertEquals(0, temporary.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aScannedReceivedFileIsStoredUnderItsHashAndAVirusInItIsAuditedWithItsHash() throws Exception {
        Team t = team();
        byte[] clean = ("扫描时计算摘要 " + unique()).getBytes(StandardCharsets.UTF_8);
        try (Clamd clamd = Clamd.start()) {
            System.setProperty("xietong.clamd.host", "127.0.0.1");
            System.setProperty("xietong.clamd.port", String.valueOf(clamd.port()));
            long id = AsPerson.call(t.staff(), () -> documents.upload(t.library(), null, "收到并扫描.txt",
                    received(clean), Level.INTERNAL, null));
            String sha = AsPerson.call(t.staff(), () -> documents.open(id)).latest().sha256();
            assertEquals(sha256(clean), sha);
            assertArrayEquals(clean, Files.readAllBytes(ContentStore.pathOf(sha)));
            long before = data.count(ContentBlob.class);
            InvalidInputException virus = assertThrows(InvalidInputException.class, () -> AsPerson.call(t.staff(),
                    () -> documents.upload(t.library(), null, "收到的病毒.txt", received(Clamd.eicar()),
                            Level.INTERNAL, null)));
            assertEquals("file.virus", virus.messageKey());
            assertEquals(before, data.count(ContentBlob.class));
            AuditRecord finding = data.audits(AuditEvent.FILE_UPLOAD, t.staff().getLogin()).get(0);
            assertEquals(AuditOutcome.DENIED, finding.getOutcome());
            assertTrue(finding.getDetail().endsWith("sha256=" + sha256(Clamd.eicar())), finding.getDetail());
        } finally {
            System.clearProperty("xietong.clamd.host");
            System.clearProperty("xietong.clamd.port");
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void anUploadIsScannedAsAStreamAndAVirusStoresNothing() throws Exception {
        Team t = team();
        try (Clamd clamd = Clamd.start()) {
            System.setProperty("xietong.clamd.host", "127.0.0.1");
            System.setProperty("xietong.clamd.port", String.valueOf(clamd.port()));
            long id = AsPerson.call(t.staff(), () -> documents.upload(t.library(), null, "扫描.pdf",
                    new ByteArrayInputStream(SampleFiles.PDF), Level.INTERNAL, null));
            assertTrue(AsPerson.call(t.staff(), () -> documents.open(id)).versions().size() == 1);
            long before = data.count(ContentBlob.class);
            InvalidInputException virus = assertThrows(InvalidInputException.class, () -> AsPerson.call(t.staff(),
                    () -> documents.upload(t.library(), null, "病毒.txt", new ByteArrayInputStream(Clamd.eicar()),
                            Level.INTERNAL, null)));
            assertEquals("file.virus", virus.messageKey());
            assertEquals(before, data.count(ContentBlob.class));
        } finally {
            System.clearProperty("xietong.clamd.host");
            System.clearProperty("xietong.clamd.port");
        }
    }
}
